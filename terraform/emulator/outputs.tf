# The services' settings, named as in the README settings tables.
output "settings" {
  description = "Environment variables of the three services for what this root created."
  value = {
    PLATFORM_API_RESOURCE_PREFIX                 = var.prefix
    PLATFORM_API_JOBS_QUEUE                      = module.messaging.jobs_queue_name
    PLATFORM_API_JOBS_DLQ                        = module.messaging.jobs_dlq_name
    PLATFORM_API_RESULTS_QUEUE                   = module.messaging.results_queue_name
    PLATFORM_WORKER_RESOURCE_PREFIX              = var.prefix
    PLATFORM_WORKER_JOBS_QUEUE                   = module.messaging.jobs_queue_name
    PLATFORM_WORKER_RESULTS_QUEUE                = module.messaging.results_queue_name
    PLATFORM_WORKER_INTENTS_TABLE                = module.messaging.intents_table_name
    PLATFORM_WORKER_BUCKETS_KMS_KEY_ID           = module.kms.key_arn
    PLATFORM_WORKER_GLUE_CRAWLER_ROLE_ARN        = module.iam.crawler_role_arn
    PLATFORM_WORKER_EVENTBRIDGE_TARGET_ARN       = module.messaging.raw_to_curated_queue_arn
    PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN = module.iam.system_function_role_arn
    PLATFORM_ENRICHMENT_STREAM_NAME              = module.messaging.stream_name
    PLATFORM_ENRICHMENT_APPLICATION_NAME         = module.messaging.enrichment_application_name
    PLATFORM_ENRICHMENT_REFERENCE_TABLE          = module.messaging.reference_table_name
    PLATFORM_ENRICHMENT_DELIVERY_STREAM          = module.messaging.delivery_stream_names["enriched"]
    PLATFORM_ENRICHMENT_ERROR_DELIVERY_STREAM    = module.messaging.delivery_stream_names["errors"]
    PLATFORM_DELIVERY_BUCKET                     = module.messaging.data_bucket_name
  }
}
