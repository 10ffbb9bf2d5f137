variable "prefix" {
  type        = string
  description = "Name prefix of the API, user pool and log group."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets the VPC link places its network interfaces in."
}

variable "vpc_link_security_group_id" {
  type        = string
  description = "Security group of the VPC link, allowed to reach the internal ALB."
}

variable "alb_listener_arn" {
  type        = string
  description = "Production listener of the internal ALB in front of platform-api."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting the access log group."
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted domain (<prefix>.auth.<region>.amazoncognito.com); globally unique."
}

variable "resource_server_identifier" {
  type        = string
  description = "Identifier of the Cognito resource server; scopes become <identifier>/<scope>."
  default     = "platform-api"
}

variable "admin_ui_callback_urls" {
  type        = list(string)
  description = "Where Cognito may send the admin UI back after sign-in."
}

variable "admin_ui_logout_urls" {
  type        = list(string)
  description = "Where Cognito may send the admin UI back after sign-out."
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Origins (the admin UI) browsers may call the API from; empty disables CORS."
  default     = []
}

variable "throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second the stage accepts."
  default     = 50
}

variable "throttling_burst_limit" {
  type        = number
  description = "Burst of requests the stage accepts."
  default     = 100
}

variable "access_token_validity_minutes" {
  type        = number
  description = "Lifetime of access tokens."
  default     = 60
}

variable "deletion_protection" {
  type        = bool
  description = "Protect the user pool against deletion (prod)."
  default     = false
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the access log group."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
