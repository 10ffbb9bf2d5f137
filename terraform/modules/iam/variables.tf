variable "prefix" {
  type        = string
  description = "Resource prefix; the worker may only manage resources whose names start with it."
}

variable "kms_key_arn" {
  type        = string
  description = "The platform KMS key."
}

variable "ecr_repository_arns" {
  type        = list(string)
  description = "Repositories the execution roles may pull images from."
}

variable "database_secret_arn" {
  type        = string
  description = "Secret holding the database master (owner) credentials, read by platform-api's task role when Flyway migrates."
}

variable "database_resource_id" {
  type        = string
  description = "Resource id of the RDS instance (db-...), for rds-db:connect."
}

variable "database_app_username" {
  type        = string
  description = "Database role platform-api connects as with IAM authentication."
}

variable "extra_secrets" {
  type        = map(map(string))
  description = "Further secrets per service: environment variable name to the ARN of a Secrets Manager secret or an SSM parameter; each service's execution role may read exactly those."
  default     = {}

  validation {
    condition     = alltrue([for secrets in values(var.extra_secrets) : length(secrets) > 0])
    error_message = "Leave out services without extra secrets instead of giving them an empty map."
  }
}

variable "jobs_queue_arn" {
  type        = string
  description = "FIFO queue of provisioning jobs."
}

variable "jobs_dlq_arn" {
  type        = string
  description = "Dead-letter queue of the jobs queue, read by platform-api."
}

variable "results_queue_arn" {
  type        = string
  description = "Queue of provisioning results."
}

variable "intents_table_arn" {
  type        = string
  description = "DynamoDB table the worker records its create intents in."
}

variable "stream_arn" {
  type        = string
  description = "Kinesis event stream read by the enrichment consumer."
}

variable "reference_table_arn" {
  type        = string
  description = "DynamoDB reference table read by the enrichment consumer."
}

variable "kcl_lease_table_arn" {
  type        = string
  description = "KCL lease table (with its LeaseOwnerToLeaseKeyIndex)."
}

variable "kcl_state_table_arns" {
  type        = list(string)
  description = "KCL coordinator state and worker metrics tables."
}

variable "delivery_stream_arns" {
  type        = list(string)
  description = "Firehose delivery streams the enrichment consumer writes to."
}

variable "log_group_name_prefix" {
  type        = string
  description = "Prefix of the services' log groups (/ecs/<prefix>)."
}

variable "platform_api_id" {
  type        = string
  description = "ID of the platform HTTP API the worker adds each system's routes and integrations to (PLATFORM_WORKER_API_ID)."
}

variable "function_templates_bucket" {
  type        = string
  description = "Bucket of the systems' function code templates; the worker may read its objects (Lambda fetches the code with the caller's permissions)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "dms_source_secret_arn" {
  type        = string
  description = "Secrets Manager secret of the DMS source endpoint (host, port, username, password); platform-api reads it for the data_sources pre-check. null: the platform does not replicate."
  default     = null
}
