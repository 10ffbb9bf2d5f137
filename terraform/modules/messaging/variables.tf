variable "prefix" {
  type        = string
  description = "Resource prefix shared with the services (PLATFORM_*_RESOURCE_PREFIX)."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting queues, the stream, tables, the data bucket and delivery streams."
}

variable "jobs_visibility_timeout_seconds" {
  type        = number
  description = "How long a provisioning job stays invisible while the worker handles it."
  default     = 300
}

variable "max_receive_count" {
  type        = number
  description = "Receives before a message moves to its dead-letter queue."
  default     = 5
}

variable "kinesis_retention_hours" {
  type        = number
  description = "Retention of the event stream."
  default     = 24
}

variable "stream_shard_count" {
  type        = number
  description = "Shards of a provisioned event stream; null makes it on-demand (AWS sizes it, starting at 4)."
  default     = null
}

variable "firehose_compression_format" {
  type        = string
  description = "Compression of the objects Firehose writes: GZIP, or UNCOMPRESSED (the emulator ignores it either way)."
  default     = "GZIP"
}

variable "firehose_buffering_size_mb" {
  type        = number
  description = "Firehose buffer size before writing an object."
  default     = 64
}

variable "firehose_buffering_interval_seconds" {
  type        = number
  description = "Longest time Firehose buffers before writing an object."
  default     = 300
}

variable "data_bucket_force_destroy" {
  type        = bool
  description = "Let terraform destroy the data bucket with its objects (throwaway dev only)."
  default     = false
}

variable "data_bucket_require_tls" {
  type        = bool
  description = "Bucket policy refusing every request to the data bucket without TLS; off only for an emulator that speaks plain HTTP."
  default     = true
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days before overwritten or deleted object versions in the data bucket expire."
  default     = 90
}

variable "deletion_protection" {
  type        = bool
  description = "Protect the DynamoDB tables against deletion (prod)."
  default     = false
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the Firehose error log group."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
