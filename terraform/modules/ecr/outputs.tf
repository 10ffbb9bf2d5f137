output "repository_urls" {
  description = "Repository URL of each service image, by service name."
  value = {
    "platform-api"        = aws_ecr_repository.this["platform-api"].repository_url
    "provisioner-worker"  = aws_ecr_repository.this["provisioner-worker"].repository_url
    "enrichment-consumer" = aws_ecr_repository.this["enrichment-consumer"].repository_url
  }
}

output "repository_arns" {
  description = "ARNs of all repositories."
  value       = [for name in sort(tolist(var.repositories)) : aws_ecr_repository.this[name].arn]
}
