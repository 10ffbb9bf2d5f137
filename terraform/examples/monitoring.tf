module "monitoring" {
  source                  = "../modules/monitoring"
  prefix                  = "example"
  kms_key_arn             = "arn:aws:kms:eu-west-1:111111111111:key/example"
  alb_arn_suffix          = "app/example-api/0123456789abcdef"
  api_id                  = "abc123"
  dead_letter_queue_names = { jobs = "example-provisioning-jobs-dlq.fifo" }
  stream_name             = "example-events"
  delivery_stream_names   = { enriched = "example-enriched-events" }
  db_instance_identifier  = "example"
  cluster_name            = "example"
  service_names           = { "platform-api" = "platform-api" }
  metrics_namespace       = "Platform/example"
}
