module "network" {
  source               = "../modules/network"
  name                 = "example"
  cidr_block           = "10.40.0.0/16"
  single_nat_gateway   = true
  flow_log_kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/example"
}
