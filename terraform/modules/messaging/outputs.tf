output "jobs_queue_name" {
  description = "FIFO queue of provisioning jobs."
  value       = aws_sqs_queue.jobs.name
}

output "jobs_queue_arn" {
  description = "ARN of the jobs queue."
  value       = aws_sqs_queue.jobs.arn
}

output "jobs_dlq_name" {
  description = "Dead-letter queue of the jobs queue (platform-api marks their systems failed)."
  value       = aws_sqs_queue.jobs_dlq.name
}

output "jobs_dlq_arn" {
  description = "ARN of the jobs dead-letter queue."
  value       = aws_sqs_queue.jobs_dlq.arn
}

output "results_queue_name" {
  description = "Queue of provisioning results."
  value       = aws_sqs_queue.results.name
}

output "results_queue_arn" {
  description = "ARN of the results queue."
  value       = aws_sqs_queue.results.arn
}

output "raw_to_curated_queue_arn" {
  description = "Target of every system's raw-to-curated EventBridge rule."
  value       = aws_sqs_queue.raw_to_curated.arn
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue, by purpose (for alarms)."
  value = {
    jobs           = aws_sqs_queue.jobs_dlq.name
    results        = aws_sqs_queue.results_dlq.name
    raw_to_curated = aws_sqs_queue.raw_to_curated_dlq.name
  }
}

output "stream_name" {
  description = "Kinesis event stream the enrichment consumer reads."
  value       = aws_kinesis_stream.events.name
}

output "stream_arn" {
  description = "ARN of the event stream."
  value       = aws_kinesis_stream.events.arn
}

output "reference_table_name" {
  description = "DynamoDB table of product reference data, keyed by productId."
  value       = aws_dynamodb_table.reference.name
}

output "reference_table_arn" {
  description = "ARN of the reference table."
  value       = aws_dynamodb_table.reference.arn
}

output "enrichment_application_name" {
  description = "KCL application name, which is also the lease table's name."
  value       = aws_dynamodb_table.kcl_leases.name
}

output "kcl_lease_table_arn" {
  description = "The KCL lease table."
  value       = aws_dynamodb_table.kcl_leases.arn
}

output "kcl_state_table_arns" {
  description = "The KCL coordinator state and worker metrics tables."
  value = [
    aws_dynamodb_table.kcl_coordinator_state.arn,
    aws_dynamodb_table.kcl_worker_metrics.arn,
  ]
}

output "delivery_stream_names" {
  description = "Firehose delivery streams: enriched (events) and errors (unparseable events)."
  value = {
    enriched = aws_kinesis_firehose_delivery_stream.this["enriched"].name
    errors   = aws_kinesis_firehose_delivery_stream.this["errors"].name
  }
}

output "delivery_stream_arns" {
  description = "ARNs of the delivery streams."
  value = [
    aws_kinesis_firehose_delivery_stream.this["enriched"].arn,
    aws_kinesis_firehose_delivery_stream.this["errors"].arn,
  ]
}

output "data_bucket_name" {
  description = "Bucket Firehose lands enriched events and errors in."
  value       = aws_s3_bucket.data.bucket
}

output "data_bucket_arn" {
  description = "ARN of the data bucket."
  value       = aws_s3_bucket.data.arn
}

output "raw_to_curated_queue_name" {
  description = "Queue every system's raw-to-curated rule delivers to."
  value       = aws_sqs_queue.raw_to_curated.name
}

output "dead_letter_queue_arns" {
  description = "Every dead-letter queue ARN, by the queue it serves."
  value = {
    jobs           = aws_sqs_queue.jobs_dlq.arn
    results        = aws_sqs_queue.results_dlq.arn
    raw_to_curated = aws_sqs_queue.raw_to_curated_dlq.arn
  }
}

output "intents_table_name" {
  description = "DynamoDB table of the worker's create intents (PLATFORM_WORKER_INTENTS_TABLE)."
  value       = aws_dynamodb_table.intents.name
}

output "intents_table_arn" {
  description = "ARN of the create intents table."
  value       = aws_dynamodb_table.intents.arn
}
