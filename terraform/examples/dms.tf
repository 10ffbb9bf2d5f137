module "dms" {
  source      = "../modules/dms"
  name        = "example-dms"
  vpc_id      = "vpc-0example"
  subnet_ids  = ["subnet-0a", "subnet-0b"]
  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/example"
  source_database = {
    engine        = "postgres"
    port          = 5432
    database_name = "operations"
    secret_arn    = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:operations-AbCdEf"
  }
  source_cidr = "10.60.0.0/16"
}
