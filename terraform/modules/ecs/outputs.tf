output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_names" {
  description = "ECS service of each application, by application name."
  value = {
    "platform-api"        = aws_ecs_service.api.name
    "provisioner-worker"  = aws_ecs_service.worker.name
    "enrichment-consumer" = aws_ecs_service.consumer.name
  }
}

output "alb_arn_suffix" {
  description = "ARN suffix of the internal ALB (the CloudWatch dimension LoadBalancer)."
  value       = aws_lb.api.arn_suffix
}

output "alb_dns_name" {
  description = "DNS name of the internal ALB."
  value       = aws_lb.api.dns_name
}

output "production_listener_arn" {
  description = "Listener API Gateway's VPC link integration sends production traffic to."
  value       = aws_lb_listener.api["production"].arn
}

output "test_listener_port" {
  description = "Port on the internal ALB that reaches the green revision during a deployment."
  value       = var.test_listener_port
}

output "alb_clients_security_group_id" {
  description = "Security group allowed to reach the ALB's listeners (give it to the VPC link)."
  value       = aws_security_group.alb_clients.id
}

output "log_group_names" {
  description = "Log group of each service, by service name."
  value = {
    "platform-api"        = aws_cloudwatch_log_group.service["platform-api"].name
    "provisioner-worker"  = aws_cloudwatch_log_group.service["provisioner-worker"].name
    "enrichment-consumer" = aws_cloudwatch_log_group.service["enrichment-consumer"].name
  }
}

output "codedeploy_application_name" {
  description = "CodeDeploy application of platform-api's blue/green deployments."
  value       = aws_codedeploy_app.api.name
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group of platform-api."
  value       = aws_codedeploy_deployment_group.api.deployment_group_name
}

output "api_appspec" {
  description = "AppSpec of a deployment of the current platform-api task definition (with the test-traffic hook), for aws deploy create-deployment."
  value       = local.api_appspec
}

output "test_traffic_hook_function_name" {
  description = "Lambda function that checks green on the test listener before traffic moves."
  value       = aws_lambda_function.test_traffic_hook.function_name
}

output "metrics_log_group_name" {
  description = "Log group the metrics sidecars write embedded metric format records to."
  value       = aws_cloudwatch_log_group.metrics.name
}

output "service_environment" {
  description = "Environment of each service's container, by service name (no secrets: those are service_secrets)."
  value = {
    "platform-api"        = var.services["platform-api"].environment
    "provisioner-worker"  = var.services["provisioner-worker"].environment
    "enrichment-consumer" = var.services["enrichment-consumer"].environment
  }
}

output "service_secrets" {
  description = "Secrets ECS injects into each service's container (variable name to ARN), by service name."
  value = {
    "platform-api"        = var.services["platform-api"].secrets
    "provisioner-worker"  = var.services["provisioner-worker"].secrets
    "enrichment-consumer" = var.services["enrichment-consumer"].secrets
  }
}

output "metric_declarations" {
  description = "What each service's metrics sidecar publishes: awsemf metric declarations (dimension sets and name selectors), by service name."
  value       = local.metric_declarations
}
