variable "name" {
  type        = string
  description = "Identifier of the replication instance and prefix of its companions."
}

variable "vpc_id" {
  type        = string
  description = "VPC the replication instance lives in."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets (at least two zones) for the replication subnet group."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting the instance's storage and the endpoint's settings."
}

variable "source_database" {
  type = object({
    engine        = string
    port          = number
    database_name = string
    secret_arn    = string
  })
  description = "The operational database: DMS engine name (postgres, mysql, ...), port, database, and the Secrets Manager secret holding host, port, username and password (created by the operator, never in Terraform)."
}

variable "source_endpoint_id" {
  type        = string
  description = "Identifier of the source endpoint; null for <name>-source."
  default     = null
}

variable "source_cidr" {
  type        = string
  description = "Network the source database is reached in (its VPC, a peered VPC or an on-premises range)."
}

variable "source_secret_kms_key_arn" {
  type        = string
  description = "KMS key of the source secret; null when it is the platform key."
  default     = null
}

variable "source_ssl_mode" {
  type        = string
  description = "TLS to the source database: require, verify-ca, verify-full or none."
  default     = "require"
}

variable "instance_class" {
  type        = string
  description = "Replication instance class."
  default     = "dms.t3.medium"
}

variable "allocated_storage" {
  type        = number
  description = "Storage of the replication instance in GiB (change data capture buffers)."
  default     = 50
}

variable "engine_version" {
  type        = string
  description = "DMS engine version; null for the current default."
  default     = null
}

variable "multi_az" {
  type        = bool
  description = "Standby replication instance in a second zone."
  default     = false
}

variable "create_vpc_role" {
  type        = bool
  description = "Create the account-wide dms-vpc-role DMS needs (off when it already exists)."
  default     = true
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
