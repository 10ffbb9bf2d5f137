module "admin_ui" {
  source                = "../modules/admin-ui"
  prefix                = "example"
  url                   = "https://admin.example.com"
  certificate_arn       = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
  route53_zone_id       = "Z0123456789EXAMPLE"
  api_url               = "https://abcdef1234.execute-api.eu-west-1.amazonaws.com"
  resource_prefix       = "example"
  cognito_issuer        = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
  cognito_hosted_ui_url = "https://example-platform.auth.eu-west-1.amazoncognito.com"
  cognito_client_id     = "example-admin-ui-client"
  scopes                = ["platform-api/systems.read", "platform-api/systems.write"]
}
