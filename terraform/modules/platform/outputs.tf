output "api_endpoint" {
  description = "Base URL of the admin API (routes under /admin/)."
  value       = module.api_gateway.api_endpoint
}

output "issuer_uri" {
  description = "Issuer of the user pool's tokens (the admin console's OIDC authority)."
  value       = module.api_gateway.issuer_uri
}

output "hosted_ui_url" {
  description = "Base URL of the Cognito hosted UI (token and logout endpoints)."
  value       = module.api_gateway.hosted_ui_url
}

output "token_endpoint" {
  description = "Cognito token endpoint."
  value       = module.api_gateway.token_endpoint
}

output "admin_ui_client_id" {
  description = "Cognito client id of the admin UI."
  value       = module.api_gateway.admin_ui_client_id
}

output "machine_client_id" {
  description = "Cognito client id for machines (read its secret with aws cognito-idp describe-user-pool-client)."
  value       = module.api_gateway.machine_client_id
}

output "user_pool_id" {
  description = "Cognito user pool holding the admins."
  value       = module.api_gateway.user_pool_id
}

output "repository_urls" {
  description = "Where to push each service image."
  value       = module.ecr.repository_urls
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.ecs.cluster_name
}

output "service_names" {
  description = "ECS service of each application."
  value       = module.ecs.service_names
}

output "alb_dns_name" {
  description = "Internal ALB (reachable from inside the VPC only)."
  value       = module.ecs.alb_dns_name
}

output "test_listener_port" {
  description = "ALB port that reaches the green revision during a deployment."
  value       = module.ecs.test_listener_port
}

output "data_bucket_name" {
  description = "Bucket the enriched events land in."
  value       = module.messaging.data_bucket_name
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = module.monitoring.dashboard_name
}

output "alarm_topic_arn" {
  description = "SNS topic of all alarms."
  value       = module.monitoring.alarm_topic_arn
}

output "codedeploy_application_name" {
  description = "CodeDeploy application of platform-api's blue/green deployments."
  value       = module.ecs.codedeploy_application_name
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group of platform-api."
  value       = module.ecs.codedeploy_deployment_group_name
}

output "api_appspec" {
  description = "AppSpec for a CodeDeploy deployment of the current platform-api task definition."
  value       = module.ecs.api_appspec
}

output "read_scope" {
  description = "Scope every GET needs."
  value       = module.api_gateway.read_scope
}

output "write_scope" {
  description = "Scope POST and DELETE need."
  value       = module.api_gateway.write_scope
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the services' own metrics."
  value       = local.metrics_namespace
}

output "service_environment" {
  description = "Environment variables each service starts with, by service name."
  value       = module.ecs.service_environment
}

output "service_secrets" {
  description = "Secrets (variable name to ARN) ECS injects into each service, by service name."
  value       = module.ecs.service_secrets
}

output "exported_metrics" {
  description = "Prometheus metric names (regular expressions) the metrics sidecars publish, by service."
  value       = local.exported_metrics
}
