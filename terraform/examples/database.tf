module "database" {
  source      = "../modules/database"
  name        = "example"
  vpc_id      = "vpc-0example"
  subnet_ids  = ["subnet-0a", "subnet-0b"]
  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/example"
}
