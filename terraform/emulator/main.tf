# ---------------------------------------------------------------------------------------------
# The part of the footprint an AWS emulator can serve, from the same modules the environments
# use: the platform key, the queues, the event stream, the DynamoDB tables, the data bucket with
# the Firehose delivery streams, and the roles (the worker hands out the crawler role). The
# end-to-end tests apply this against moto_server, run the three services on what it created,
# prove that local/init.py creates the same, and destroy it.
#
# Settings that differ from AWS only where the emulator needs it: a provisioned stream, small
# Firehose buffers, uncompressed objects and a short job visibility timeout, as local/init.py.
# ---------------------------------------------------------------------------------------------

provider "aws" {
  region                      = var.region
  access_key                  = "emulator"
  secret_key                  = "emulator"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true

  endpoints {
    dynamodb = var.endpoint
    firehose = var.endpoint
    iam      = var.endpoint
    kinesis  = var.endpoint
    kms      = var.endpoint
    logs     = var.endpoint
    s3       = var.endpoint
    sqs      = var.endpoint
    sts      = var.endpoint
  }
}

module "kms" {
  source                  = "../modules/kms"
  name                    = "${var.prefix}-data"
  deletion_window_in_days = 7
}

module "messaging" {
  source                              = "../modules/messaging"
  prefix                              = var.prefix
  kms_key_arn                         = module.kms.key_arn
  jobs_visibility_timeout_seconds     = 60
  max_receive_count                   = var.job_max_receives
  stream_shard_count                  = var.stream_shard_count
  firehose_compression_format         = "UNCOMPRESSED"
  firehose_buffering_size_mb          = 1
  firehose_buffering_interval_seconds = 60
  data_bucket_force_destroy           = true
  data_bucket_require_tls             = false # the emulator speaks plain HTTP only
  log_retention_days                  = 1
}

module "iam" {
  source                = "../modules/iam"
  prefix                = var.prefix
  kms_key_arn           = module.kms.key_arn
  ecr_repository_arns   = ["arn:aws:ecr:${var.region}:123456789012:repository/${var.prefix}/platform-api"]
  database_secret_arn   = "arn:aws:secretsmanager:${var.region}:123456789012:secret:${var.prefix}-database-emulated"
  database_resource_id  = "db-EMULATED"
  database_app_username = "platform_app"
  jobs_queue_arn        = module.messaging.jobs_queue_arn
  jobs_dlq_arn          = module.messaging.jobs_dlq_arn
  results_queue_arn     = module.messaging.results_queue_arn
  intents_table_arn     = module.messaging.intents_table_arn
  stream_arn            = module.messaging.stream_arn
  reference_table_arn   = module.messaging.reference_table_arn
  kcl_lease_table_arn   = module.messaging.kcl_lease_table_arn
  kcl_state_table_arns  = module.messaging.kcl_state_table_arns
  delivery_stream_arns  = module.messaging.delivery_stream_arns
  log_group_name_prefix = "/ecs/${var.prefix}"

  # This root makes no HTTP API (the local stack's is local/init.py's): a stand-in id that only
  # scopes the worker's route permissions; the template bucket is the messaging module's.
  platform_api_id           = "emulated"
  function_templates_bucket = module.messaging.function_templates_bucket
}

# The sample products local/init.py loads, so that enrichment finds reference data.
resource "aws_dynamodb_table_item" "sample_product" {
  for_each   = local.sample_products
  table_name = module.messaging.reference_table_name
  hash_key   = "productId"
  item       = jsonencode(each.value)
}

locals {
  sample_products = {
    "PROD-001" = { productId = { S = "PROD-001" }, productName = { S = "Wireless Headphones" }, category = { S = "Electronics" }, price = { N = "99.99" } }
    "PROD-002" = { productId = { S = "PROD-002" }, productName = { S = "Running Shoes" }, category = { S = "Sports" }, price = { N = "129.99" } }
    "PROD-003" = { productId = { S = "PROD-003" }, productName = { S = "Coffee Maker" }, category = { S = "Home & Kitchen" }, price = { N = "79.99" } }
    "PROD-004" = { productId = { S = "PROD-004" }, productName = { S = "Yoga Mat" }, category = { S = "Sports" }, price = { N = "29.99" } }
    "PROD-005" = { productId = { S = "PROD-005" }, productName = { S = "Desk Lamp" }, category = { S = "Home Office" }, price = { N = "45.50" } }
  }
}
