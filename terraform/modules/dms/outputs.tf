output "replication_instance_arn" {
  description = "ARN of the replication instance (PLATFORM_WORKER_DMS_REPLICATION_INSTANCE_ARN)."
  value       = aws_dms_replication_instance.this.replication_instance_arn
}

output "source_endpoint_arn" {
  description = "ARN of the source endpoint (PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN)."
  value       = aws_dms_endpoint.source.endpoint_arn
}

output "security_group_id" {
  description = "Security group of the replication instance (allow it on the source database)."
  value       = aws_security_group.replication.id
}
