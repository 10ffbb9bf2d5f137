variable "region" {
  type        = string
  description = "AWS region of the environment."
}

variable "prefix" {
  type        = string
  description = "Prefix of every resource name in this environment."
}

variable "image_tags" {
  type        = map(string)
  description = "Image tag per service; change one and apply to deploy it (blue/green for platform-api)."
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Globally unique prefix of the Cognito hosted domain."
}

variable "admin_ui_url" {
  type        = string
  description = "Origin of the admin UI (CORS, sign-in callback and sign-out URL)."
}

variable "alarm_email" {
  type        = string
  description = "Address alarms are mailed to; null for none."
  default     = null
}

variable "dms_replication_instance_arn" {
  type        = string
  description = "Existing DMS replication instance for per-system replication; null turns it off."
  default     = null
}

variable "dms_source_schema" {
  type        = string
  description = "Schema of the source database that holds the systems' data_sources tables."
  default     = "public"
}

variable "dms_source_endpoint_arn" {
  type        = string
  description = "Existing DMS source endpoint; null turns replication off."
  default     = null
}
