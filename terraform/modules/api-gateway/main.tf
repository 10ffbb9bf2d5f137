# ---------------------------------------------------------------------------------------------
# Cognito: the user pool that signs the admin tokens, a resource server with read and write
# scopes, a public client for the admin UI (authorization code + PKCE) and a confidential one
# for machines (client credentials).
# ---------------------------------------------------------------------------------------------

data "aws_region" "current" {}

locals {
  hosted_ui_url = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
  read_scope    = "${var.resource_server_identifier}/systems.read"
  write_scope   = "${var.resource_server_identifier}/systems.write"
  # As platform-api decides: every GET needs the read scope, POST and DELETE the write scope
  # (a token with only the write scope cannot read).
  routes = {
    "GET /admin/{proxy+}"    = "read"
    "POST /admin/{proxy+}"   = "write"
    "DELETE /admin/{proxy+}" = "write"
  }
  scopes = {
    read  = [local.read_scope]
    write = [local.write_scope]
  }
}

resource "aws_cognito_user_pool" "this" {
  name                     = "${var.prefix}-admins"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"
  deletion_protection      = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  tags                     = var.tags

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 14
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 3
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }
}

resource "aws_cognito_user_pool_domain" "this" {
  domain       = var.cognito_domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}

resource "aws_cognito_resource_server" "api" {
  identifier   = var.resource_server_identifier
  name         = "${var.prefix} platform API"
  user_pool_id = aws_cognito_user_pool.this.id

  scope {
    scope_name        = "systems.read"
    scope_description = "Read registrations, events and the audit log"
  }

  scope {
    scope_name        = "systems.write"
    scope_description = "Register, retry and delete systems"
  }
}

# Public client (no secret): the browser app proves possession with PKCE.
resource "aws_cognito_user_pool_client" "admin_ui" {
  name                                 = "${var.prefix}-admin-ui"
  user_pool_id                         = aws_cognito_user_pool.this.id
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = concat(["openid", "email"], aws_cognito_resource_server.api.scope_identifiers)
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.admin_ui_callback_urls
  logout_urls                          = var.admin_ui_logout_urls
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  access_token_validity                = var.access_token_validity_minutes
  id_token_validity                    = var.access_token_validity_minutes
  refresh_token_validity               = 12

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "hours"
  }
}

resource "aws_cognito_user_pool_client" "machine" {
  name                                 = "${var.prefix}-machine"
  user_pool_id                         = aws_cognito_user_pool.this.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = aws_cognito_resource_server.api.scope_identifiers
  supported_identity_providers         = ["COGNITO"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  access_token_validity                = var.access_token_validity_minutes

  token_validity_units {
    access_token = "minutes"
  }
}

# ---------------------------------------------------------------------------------------------
# HTTP API: JWT authorizer on the user pool, /admin/* routes, a VPC link to the internal ALB,
# stage throttling and JSON access logs.
# ---------------------------------------------------------------------------------------------

resource "aws_apigatewayv2_api" "this" {
  name          = "${var.prefix}-admin"
  protocol_type = "HTTP"
  tags          = var.tags

  dynamic "cors_configuration" {
    for_each = length(var.cors_allowed_origins) > 0 ? [var.cors_allowed_origins] : []
    content {
      allow_origins = cors_configuration.value
      allow_methods = ["GET", "POST", "DELETE", "OPTIONS"]
      # API Gateway answers preflights and sets these on every response, replacing
      # platform-api's own CORS headers: keep them equal to SecurityConfig's.
      allow_headers  = ["authorization", "content-type", "idempotency-key", "x-request-id"]
      expose_headers = ["location", "x-request-id"]
      max_age        = 3600
    }
  }
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "${var.prefix}-admin"
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.vpc_link_security_group_id]
  tags               = var.tags
}

resource "aws_apigatewayv2_integration" "alb" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  integration_uri        = var.alb_listener_arn
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.this.id
  payload_format_version = "1.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://${aws_cognito_user_pool.this.endpoint}"
    audience = [aws_cognito_user_pool_client.admin_ui.id, aws_cognito_user_pool_client.machine.id]
  }
}

resource "aws_apigatewayv2_route" "admin" {
  for_each             = local.routes
  api_id               = aws_apigatewayv2_api.this.id
  route_key            = each.key
  target               = "integrations/${aws_apigatewayv2_integration.alb.id}"
  authorization_type   = "JWT"
  authorizer_id        = aws_apigatewayv2_authorizer.cognito.id
  authorization_scopes = local.scopes[each.value]
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.prefix}-admin"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true
  tags        = var.tags

  default_route_settings {
    throttling_rate_limit    = var.throttling_rate_limit
    throttling_burst_limit   = var.throttling_burst_limit
    detailed_metrics_enabled = true
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      requestTime    = "$context.requestTime"
      sourceIp       = "$context.identity.sourceIp"
      httpMethod     = "$context.httpMethod"
      routeKey       = "$context.routeKey"
      path           = "$context.path"
      status         = "$context.status"
      responseLength = "$context.responseLength"
      latencyMs      = "$context.responseLatency"
      clientId       = "$context.authorizer.claims.client_id"
      authorizerErr  = "$context.authorizer.error"
      integrationErr = "$context.integrationErrorMessage"
    })
  }
}
