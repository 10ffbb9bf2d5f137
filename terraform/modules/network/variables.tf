variable "name" {
  type        = string
  description = "Name prefix of every network resource."
}

variable "cidr_block" {
  type        = string
  description = "CIDR block of the VPC; public subnets take /24s, private subnets /20s of it."
  default     = "10.40.0.0/16"
}

variable "az_count" {
  type        = number
  description = "How many availability zones the subnets span."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "Use two or three availability zones."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for all zones (cheaper, dev) instead of one per zone (prod)."
  default     = false
}

variable "interface_endpoints" {
  type        = set(string)
  description = "AWS services reached through interface VPC endpoints instead of the NAT gateway."
  default = [
    "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "kms", "sts", "sqs",
    "kinesis-streams", "kinesis-firehose", "monitoring", "glue", "events", "dms",
  ]
}

variable "flow_log_kms_key_arn" {
  type        = string
  description = "KMS key encrypting the VPC flow log group."
}

variable "flow_log_retention_days" {
  type        = number
  description = "Retention of the VPC flow logs (rejected and accepted traffic)."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
