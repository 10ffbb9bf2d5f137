output "url" {
  description = "Origin of the console (https://<host>): the CORS origin of the API and the gateway."
  value       = var.url
}

output "callback_urls" {
  description = "Sign-in callbacks the console uses, for the Cognito client's callback URLs."
  value       = local.callback_urls
}

output "logout_urls" {
  description = "Where Cognito sends the console after sign-out, for the Cognito client's logout URLs."
  value       = local.logout_urls
}

output "bucket_name" {
  description = "Bucket the build is uploaded to (admin-ui/scripts/publish.sh)."
  value       = aws_s3_bucket.console.bucket
}

output "distribution_id" {
  description = "CloudFront distribution; publish.sh invalidates its cache after an upload."
  value       = aws_cloudfront_distribution.console.id
}

output "distribution_domain_name" {
  description = "The distribution's own host name: the target of the console's DNS record (CNAME or alias)."
  value       = aws_cloudfront_distribution.console.domain_name
}

output "content_security_policy" {
  description = "Content-Security-Policy the console is served with."
  value       = local.content_security_policy
}

output "config" {
  description = "The console's runtime config.json as written to the bucket."
  value       = local.config
}
