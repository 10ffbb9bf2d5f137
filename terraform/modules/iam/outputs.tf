output "execution_role_arns" {
  description = "Execution role of each service, by service name."
  value = {
    "platform-api"        = aws_iam_role.execution["platform-api"].arn
    "provisioner-worker"  = aws_iam_role.execution["provisioner-worker"].arn
    "enrichment-consumer" = aws_iam_role.execution["enrichment-consumer"].arn
  }
}

output "task_role_arns" {
  description = "Task role of each service, by service name."
  value = {
    "platform-api"        = aws_iam_role.task["platform-api"].arn
    "provisioner-worker"  = aws_iam_role.task["provisioner-worker"].arn
    "enrichment-consumer" = aws_iam_role.task["enrichment-consumer"].arn
  }
}

output "crawler_role_arn" {
  description = "Role the worker gives each system's Glue crawler."
  value       = aws_iam_role.crawler.arn
}

output "dms_target_role_arn" {
  description = "Role the worker gives each system's DMS S3 target endpoint."
  value       = aws_iam_role.dms_target.arn
}

output "codedeploy_role_arn" {
  description = "Role CodeDeploy runs platform-api's blue/green deployments with."
  value       = aws_iam_role.codedeploy.arn
}

output "test_traffic_hook_role_arn" {
  description = "Role of the blue/green hook function."
  value       = aws_iam_role.test_traffic_hook.arn
}
