variable "name" {
  type        = string
  description = "Identifier of the database instance and prefix of its companions."
}

variable "vpc_id" {
  type        = string
  description = "VPC the database lives in."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets (at least two zones) for the database subnet group."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting storage, Performance Insights, logs and the master password secret."
}

variable "engine_version" {
  type        = string
  description = "PostgreSQL major version."
  default     = "17"
}

variable "instance_class" {
  type        = string
  description = "Instance class, e.g. db.t4g.micro in dev, db.m7g.large in prod."
  default     = "db.t4g.micro"
}

variable "allocated_storage" {
  type        = number
  description = "Initial storage in GiB."
  default     = 20
}

variable "max_allocated_storage" {
  type        = number
  description = "Upper bound for storage autoscaling in GiB."
  default     = 100
}

variable "database_name" {
  type        = string
  description = "Name of the database platform-api uses."
  default     = "platform"
}

variable "master_username" {
  type        = string
  description = "Master user name; its password is generated and kept in Secrets Manager by RDS."
  default     = "platform"
}

variable "app_username" {
  type        = string
  description = "Least-privilege role platform-api connects as (IAM authentication); Flyway creates it and grants it data access only."
  default     = "platform_app"
}

variable "multi_az" {
  type        = bool
  description = "Standby in a second zone (prod)."
  default     = false
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the instance (prod)."
  default     = false
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups and point-in-time recovery."
  default     = 7
}

variable "skip_final_snapshot" {
  type        = bool
  description = "Delete without a final snapshot (only for throwaway dev databases)."
  default     = false
}

variable "performance_insights_enabled" {
  type        = bool
  description = "Performance Insights (not available on db.t4g.micro and db.t4g.small)."
  default     = true
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the PostgreSQL log group."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
