module "iam" {
  source                = "../modules/iam"
  prefix                = "example"
  kms_key_arn           = "arn:aws:kms:eu-west-1:111111111111:key/example"
  ecr_repository_arns   = ["arn:aws:ecr:eu-west-1:111111111111:repository/example/platform-api"]
  database_secret_arn   = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:rds-AbCdEf"
  database_resource_id  = "db-EXAMPLE"
  database_app_username = "platform_app"
  jobs_queue_arn        = "arn:aws:sqs:eu-west-1:111111111111:example-provisioning-jobs.fifo"
  jobs_dlq_arn          = "arn:aws:sqs:eu-west-1:111111111111:example-provisioning-jobs-dlq.fifo"
  results_queue_arn     = "arn:aws:sqs:eu-west-1:111111111111:example-provisioning-results"
  intents_table_arn     = "arn:aws:dynamodb:eu-west-1:111111111111:table/example-provisioning-intents"
  stream_arn            = "arn:aws:kinesis:eu-west-1:111111111111:stream/example-events"
  reference_table_arn   = "arn:aws:dynamodb:eu-west-1:111111111111:table/example-product-reference"
  kcl_lease_table_arn   = "arn:aws:dynamodb:eu-west-1:111111111111:table/example-enrichment"
  kcl_state_table_arns  = ["arn:aws:dynamodb:eu-west-1:111111111111:table/example-enrichment-CoordinatorState"]
  delivery_stream_arns  = ["arn:aws:firehose:eu-west-1:111111111111:deliverystream/example-enriched-events"]
  log_group_name_prefix = "/ecs/example"

  platform_api_id           = "abc123"
  function_templates_bucket = "example-function-templates-111111111111"
}
