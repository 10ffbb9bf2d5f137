module "kms" {
  source = "../modules/kms"
  name   = "example-data"
}
