output "state_bucket" {
  description = "Bucket to put in the environments' backend \"s3\" block."
  value       = aws_s3_bucket.state.bucket
}

output "state_kms_key_alias" {
  description = "KMS key alias for the backend's kms_key_id."
  value       = aws_kms_alias.state.name
}
