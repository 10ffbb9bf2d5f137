module "messaging" {
  source      = "../modules/messaging"
  prefix      = "example"
  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/example"
}
