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
