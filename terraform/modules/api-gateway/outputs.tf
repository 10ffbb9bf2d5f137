output "api_id" {
  description = "ID of the HTTP API (the CloudWatch dimension ApiId)."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the admin API."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "user_pool_id" {
  description = "ID of the Cognito user pool."
  value       = aws_cognito_user_pool.this.id
}

output "issuer_uri" {
  description = "Issuer of the tokens, for platform-api's JWT validation."
  value       = "https://${aws_cognito_user_pool.this.endpoint}"
}

output "jwk_set_uri" {
  description = "Where platform-api fetches the keys that sign the tokens."
  value       = "https://${aws_cognito_user_pool.this.endpoint}/.well-known/jwks.json"
}

output "hosted_ui_url" {
  description = "Base URL of the hosted UI (authorize, token and logout endpoints)."
  value       = local.hosted_ui_url
}

output "token_endpoint" {
  description = "OAuth2 token endpoint (client credentials for machines)."
  value       = "${local.hosted_ui_url}/oauth2/token"
}

output "admin_ui_client_id" {
  description = "Client id of the admin UI (authorization code with PKCE)."
  value       = aws_cognito_user_pool_client.admin_ui.id
}

output "machine_client_id" {
  description = "Client id for machines (client credentials); its secret stays in Cognito and the state."
  value       = aws_cognito_user_pool_client.machine.id
}

output "client_ids" {
  description = "Every client whose tokens the API accepts."
  value       = [aws_cognito_user_pool_client.admin_ui.id, aws_cognito_user_pool_client.machine.id]
}

output "read_scope" {
  description = "Scope granting reads."
  value       = local.read_scope
}

output "write_scope" {
  description = "Scope granting writes."
  value       = local.write_scope
}
