variable "prefix" {
  type        = string
  description = "Name prefix of the bucket, key and CloudFront policies."
}

variable "url" {
  type        = string
  description = "Origin the console is served from, https://<host> without a path: the distribution's alternate domain name, the CORS origin and the base of the sign-in redirects."

  validation {
    condition     = can(regex("^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", var.url))
    error_message = "Use https://<host name>, lowercase, without a path or trailing slash."
  }
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the console's host name; CloudFront takes certificates from us-east-1 only."

  validation {
    condition     = can(regex("^arn:[a-z-]+:acm:us-east-1:[0-9]{12}:certificate/", var.certificate_arn))
    error_message = "Use an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there)."
  }
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone of the console's host name, for its A/AAAA alias records; null to create the DNS record elsewhere (a CNAME to the distribution_domain_name output)."
  default     = null
}

variable "api_url" {
  type        = string
  description = "Base URL of platform-api as browsers reach it (the API Gateway endpoint): config.json's apiUrl and the only API origin the CSP allows."
}

variable "resource_prefix" {
  type        = string
  description = "platform-api's PLATFORM_API_RESOURCE_PREFIX; the console checks name lengths against it."
}

variable "cognito_issuer" {
  type        = string
  description = "Issuer of the user pool (https://cognito-idp.<region>.amazonaws.com/<pool id>): the OIDC authority."
}

variable "cognito_hosted_ui_url" {
  type        = string
  description = "Base URL of the user pool's hosted UI (https://<domain>.auth.<region>.amazoncognito.com): token and logout endpoints."
}

variable "cognito_client_id" {
  type        = string
  description = "Cognito app client of the console (authorization code with PKCE, no secret)."
}

variable "scopes" {
  type        = list(string)
  description = "API scopes the console asks for (read and write)."
}

variable "price_class" {
  type        = string
  description = "CloudFront price class (edge locations served)."
  default     = "PriceClass_100"
}

variable "web_acl_arn" {
  type        = string
  description = "WAF web ACL (CLOUDFRONT scope) in front of the distribution; null for none."
  default     = null
}

variable "hsts_max_age_seconds" {
  type        = number
  description = "max-age of Strict-Transport-Security."
  default     = 63072000
}

variable "force_destroy" {
  type        = bool
  description = "Let terraform destroy empty the bucket (dev only)."
  default     = false
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days older versions of the console's files are kept (a rollback of an upload)."
  default     = 30
}

variable "key_deletion_window_days" {
  type        = number
  description = "Waiting period before the bucket's KMS key is deleted."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
