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
  description = "Origin of the admin console, https://<host> (CloudFront's alternate domain name; CORS origin, sign-in callback and sign-out URL)."
}

variable "admin_ui_certificate_arn" {
  type        = string
  description = "ACM certificate in us-east-1 for the host of admin_ui_url (CloudFront reads certificates only there)."
}

variable "admin_ui_route53_zone_id" {
  type        = string
  description = "Route 53 zone of admin_ui_url's host for its alias records; null to point a CNAME at the admin_ui_distribution_domain_name output yourself."
  default     = null
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
  description = "Operational database for per-system DMS replication (engine, port, database, ARN of a Secrets Manager secret with host, port, username, password); null turns replication off."
  default     = null
}

variable "dms_source_cidr" {
  type        = string
  description = "Network the operational database is reached in (only with dms_source)."
  default     = "10.0.0.0/8"
}

variable "dms_source_schema" {
  type        = string
  description = "Schema of the source database that holds the systems' data_sources tables."
  default     = "public"
}
