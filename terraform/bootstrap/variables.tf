variable "region" {
  type        = string
  description = "Region of the state bucket (the environments' backend region)."
}

variable "bucket_name_prefix" {
  type        = string
  description = "The state bucket is named <prefix>-<account id>."
  default     = "platform-terraform-state"
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days old state versions are kept (they are the undo history of the state)."
  default     = 365
}
