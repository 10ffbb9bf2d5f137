output "api_endpoint" {
  description = "Base URL of the admin API."
  value       = module.platform.api_endpoint
}

output "token_endpoint" {
  description = "Cognito token endpoint."
  value       = module.platform.token_endpoint
}

output "admin_ui_client_id" {
  description = "Cognito client id of the admin UI."
  value       = module.platform.admin_ui_client_id
}

output "machine_client_id" {
  description = "Cognito client id for machines."
  value       = module.platform.machine_client_id
}

output "user_pool_id" {
  description = "Cognito user pool of the admins."
  value       = module.platform.user_pool_id
}

output "repository_urls" {
  description = "Where to push each image."
  value       = module.platform.repository_urls
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.platform.cluster_name
}

output "service_names" {
  description = "ECS services."
  value       = module.platform.service_names
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = module.platform.dashboard_name
}

output "service_environment" {
  description = "Environment variables each service starts with (its settings table), by service name."
  value       = module.platform.service_environment
}

output "codedeploy_application_name" {
  description = "CodeDeploy application of platform-api's blue/green deployments."
  value       = module.platform.codedeploy_application_name
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group of platform-api."
  value       = module.platform.codedeploy_deployment_group_name
}

output "api_appspec" {
  description = "AppSpec of a deployment of the current platform-api revision (aws deploy create-deployment)."
  value       = module.platform.api_appspec
}

output "read_scope" {
  description = "Scope every GET needs."
  value       = module.platform.read_scope
}

output "write_scope" {
  description = "Scope POST and DELETE need."
  value       = module.platform.write_scope
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the services' own metrics (dimension service)."
  value       = module.platform.metrics_namespace
}

output "exported_metrics" {
  description = "Prometheus metrics each service publishes to CloudWatch, by service."
  value       = module.platform.exported_metrics
}

output "admin_ui_url" {
  description = "Where admins open the console."
  value       = module.admin_ui.url
}

output "admin_ui_bucket" {
  description = "Bucket the console's build is uploaded to (admin-ui/scripts/publish.sh)."
  value       = module.admin_ui.bucket_name
}

output "admin_ui_distribution_id" {
  description = "CloudFront distribution of the console (publish.sh invalidates it)."
  value       = module.admin_ui.distribution_id
}

output "admin_ui_distribution_domain_name" {
  description = "CloudFront's host name: the target of admin_ui_url's DNS record."
  value       = module.admin_ui.distribution_domain_name
}
