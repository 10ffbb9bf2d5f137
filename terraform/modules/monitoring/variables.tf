variable "prefix" {
  type        = string
  description = "Name prefix of the alarms, topic and dashboard."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting the alarm topic."
}

variable "alarm_email" {
  type        = string
  description = "Address subscribed to the alarm topic; null subscribes nobody."
  default     = null
}

variable "alb_arn_suffix" {
  type        = string
  description = "ARN suffix of platform-api's internal ALB."
}

variable "api_id" {
  type        = string
  description = "ID of the HTTP API."
}

variable "dead_letter_queue_names" {
  type        = map(string)
  description = "Dead-letter queues by purpose; any message in one raises an alarm."
}

variable "stream_name" {
  type        = string
  description = "Kinesis event stream."
}

variable "delivery_stream_names" {
  type        = map(string)
  description = "Firehose delivery streams by purpose."
}

variable "db_instance_identifier" {
  type        = string
  description = "RDS instance."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster."
}

variable "service_names" {
  type        = map(string)
  description = "ECS services by application name."
}

variable "api_5xx_threshold" {
  type        = number
  description = "5xx responses per 5 minutes that raise the API alarm."
  default     = 5
}

variable "iterator_age_threshold_ms" {
  type        = number
  description = "How far (ms) the enrichment consumer may fall behind the stream."
  default     = 60000
}

variable "rds_cpu_threshold_percent" {
  type        = number
  description = "Database CPU that raises an alarm."
  default     = 80
}

variable "rds_free_storage_threshold_bytes" {
  type        = number
  description = "Free database storage below which an alarm is raised."
  default     = 2147483648
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace the services' metrics sidecars publish in (dimension service)."
}

variable "outbox_backlog_minutes" {
  type        = number
  description = "Minutes the outbox may hold unsent jobs without once draining before the alarm fires."
  default     = 5
}

variable "consumer_lag_threshold_ms" {
  type        = number
  description = "How far (ms) the consumer's slowest shard may be behind the stream, for 5 minutes."
  default     = 60000
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
