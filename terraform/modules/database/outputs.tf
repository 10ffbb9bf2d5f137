output "instance_identifier" {
  description = "Identifier of the instance (the CloudWatch dimension DBInstanceIdentifier)."
  value       = aws_db_instance.this.identifier
}

output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the instance."
  value       = aws_db_instance.this.port
}

output "jdbc_url" {
  description = "Plain JDBC URL of the database (TLS required by the parameter group)."
  value       = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.database_name}?sslmode=require"
}

output "app_jdbc_url" {
  description = "JDBC URL for the application's connections: the AWS JDBC wrapper with RDS IAM authentication (a fresh token per connection)."
  value       = "jdbc:aws-wrapper:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.database_name}?sslmode=require&wrapperPlugins=iam"
}

output "owner_jdbc_url" {
  description = "JDBC URL for migrations as the owner: the AWS JDBC wrapper reads the master secret when it connects, and again after a failed login (rotation)."
  value       = "jdbc:aws-wrapper:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.database_name}?sslmode=require&wrapperPlugins=awsSecretsManager&secretsManagerSecretId=${urlencode(aws_db_instance.this.master_user_secret[0].secret_arn)}&secretsManagerRegion=${data.aws_region.current.name}"
}

output "app_username" {
  description = "Role platform-api connects as."
  value       = var.app_username
}

output "resource_id" {
  description = "Resource id of the instance (db-...), the resource of rds-db:connect."
  value       = aws_db_instance.this.resource_id
}

output "master_username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (JSON with username and password) RDS keeps the master password in."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the database; callers add ingress rules to it."
  value       = aws_security_group.this.id
}
