variable "prefix" {
  type        = string
  description = "Prefix of every resource name, and the services' resource prefix (the worker names system resources <prefix>-<system>-...)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.prefix))
    error_message = "Use 3-20 lowercase letters, digits and hyphens (target group names stop at 32 characters)."
  }
}

variable "environment" {
  type        = string
  description = "Environment name (dev, prod), added as a tag."
}

variable "image_tags" {
  type        = map(string)
  description = "Image tag to run for each service (platform-api, provisioner-worker, enrichment-consumer); changing one deploys it."
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR block of the VPC."
  default     = "10.40.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Availability zones to span."
  default     = 2
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway instead of one per zone."
  default     = false
}

variable "task_sizes" {
  type = map(object({
    cpu    = number
    memory = number
  }))
  description = "Fargate CPU units and memory (MiB) per service."
  default = {
    "platform-api"        = { cpu = 512, memory = 1024 }
    "provisioner-worker"  = { cpu = 512, memory = 1024 }
    "enrichment-consumer" = { cpu = 1024, memory = 2048 }
  }
}

variable "cpu_architecture" {
  type        = string
  description = "CPU architecture the images are built for: X86_64 or ARM64 (Graviton)."
  default     = "X86_64"
}

variable "api_min_count" {
  type        = number
  description = "Fewest platform-api tasks."
  default     = 2
}

variable "api_max_count" {
  type        = number
  description = "Most platform-api tasks."
  default     = 6
}

variable "worker_min_count" {
  type        = number
  description = "Fewest provisioner-worker tasks."
  default     = 1
}

variable "worker_max_count" {
  type        = number
  description = "Most provisioner-worker tasks."
  default     = 4
}

variable "expected_shard_count" {
  type        = number
  description = "Open shards of the on-demand stream (it starts with 4); sizes the enrichment consumer."
  default     = 4
}

variable "shards_per_consumer_task" {
  type        = number
  description = "Shards (KCL leases) one enrichment-consumer task handles."
  default     = 2
}

variable "bake_time_minutes" {
  type        = number
  description = "Minutes blue stays ready for an instant rollback after a blue/green switch."
  default     = 10
}

variable "canary_percent" {
  type        = number
  description = "Share of production traffic a new platform-api revision gets first."
  default     = 10
}

variable "canary_interval_minutes" {
  type        = number
  description = "Minutes the new revision serves the canary share before it takes all traffic."
  default     = 5
}

variable "release_on_apply" {
  type        = bool
  description = "terraform apply starts and waits for the CodeDeploy deployment of a new platform-api task definition (needs the AWS CLI and jq)."
  default     = true
}

variable "stream_shard_count" {
  type        = number
  description = "Shards of a provisioned event stream; null (default) makes it on-demand."
  default     = null
}

variable "db_instance_class" {
  type        = string
  description = "RDS instance class."
  default     = "db.t4g.micro"
}

variable "db_allocated_storage" {
  type        = number
  description = "Initial database storage in GiB."
  default     = 20
}

variable "db_performance_insights" {
  type        = bool
  description = "Performance Insights on the database (needs db.t4g.medium or larger)."
  default     = true
}

variable "db_multi_az" {
  type        = bool
  description = "Database standby in a second zone."
  default     = false
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of database backups."
  default     = 7
}

variable "deletion_protection" {
  type        = bool
  description = "Protect the database, DynamoDB tables and user pool against deletion."
  default     = true
}

variable "disposable" {
  type        = bool
  description = "Allow destroying data with the environment: no final database snapshot, data bucket emptied on destroy (dev only)."
  default     = false
}

variable "log_retention_days" {
  type        = number
  description = "Retention of every log group."
  default     = 30
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted domain; globally unique."
}

variable "admin_ui_callback_urls" {
  type        = list(string)
  description = "Sign-in callback URLs of the admin UI."
}

variable "admin_ui_logout_urls" {
  type        = list(string)
  description = "Sign-out URLs of the admin UI."
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Origins the admin UI is served from."
  default     = []
}

variable "api_throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second the admin API accepts."
  default     = 50
}

variable "api_throttling_burst_limit" {
  type        = number
  description = "Request burst the admin API accepts."
  default     = 100
}

variable "alarm_email" {
  type        = string
  description = "Address alarms are mailed to; null for none."
  default     = null
}

variable "dms_source" {
  type = object({
    engine        = string
    port          = number
    database_name = string
    secret_arn    = string
  })
  description = "The operational database the systems' data_sources tables are replicated from (DMS engine name, port, database, Secrets Manager secret with host, port, username, password); null turns per-system replication off."
  default     = null
}

variable "dms_source_cidr" {
  type        = string
  description = "Network the operational database is reached in (only with dms_source)."
  default     = "10.0.0.0/8"
}

variable "dms_create_vpc_role" {
  type        = bool
  description = "Create the account-wide dms-vpc-role (only with dms_source; off when the account has it)."
  default     = true
}

variable "dms_source_schema" {
  type        = string
  description = "Schema of the source database that holds the systems' data_sources tables."
  default     = "public"
}

variable "function_template_keys" {
  type        = map(string)
  description = "Object key in the template bucket (output function_templates_bucket) of the code zip a new system function of each runtime family gets (python, nodejs, java); a family not named gets the worker's built-in handler. Upload the objects yourself."
  default     = {}

  validation {
    condition     = alltrue([for family in keys(var.function_template_keys) : contains(["python", "nodejs", "java"], family)])
    error_message = "Name only the runtime families python, nodejs and java."
  }
}

variable "extra_environment" {
  type        = map(map(string))
  description = "Additional environment variables per service name, merged over the generated ones."
  default     = {}
}

variable "extra_secrets" {
  type        = map(map(string))
  description = "Additional secrets per service name: environment variable name to the plain ARN of a Secrets Manager secret (no :key:: suffix) or an SSM parameter; ECS reads them at task start, they never enter the task definition."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
