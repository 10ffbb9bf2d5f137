module "api_gateway" {
  source                     = "../modules/api-gateway"
  prefix                     = "example"
  private_subnet_ids         = ["subnet-0a", "subnet-0b"]
  vpc_link_security_group_id = "sg-0example"
  alb_listener_arn           = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/example-api/0123456789abcdef/0123456789abcdef"
  kms_key_arn                = "arn:aws:kms:eu-west-1:111111111111:key/example"
  cognito_domain_prefix      = "example-platform"
  admin_ui_callback_urls     = ["https://admin.example.com/auth/callback", "https://admin.example.com/auth/popup-callback"]
  admin_ui_logout_urls       = ["https://admin.example.com/"]
  cors_allowed_origins       = ["https://admin.example.com"]
}
