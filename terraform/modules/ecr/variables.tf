variable "prefix" {
  type        = string
  description = "Repositories are named <prefix>/<service>."
}

variable "repositories" {
  type        = set(string)
  description = "One repository per service image."
  default     = ["platform-api", "provisioner-worker", "enrichment-consumer"]
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting the images."
}

variable "untagged_expiry_days" {
  type        = number
  description = "Days after which untagged images are deleted."
  default     = 7
}

variable "images_to_keep" {
  type        = number
  description = "How many images each repository keeps (enough to roll back a few releases)."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
