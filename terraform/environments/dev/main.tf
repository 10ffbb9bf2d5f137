# ---------------------------------------------------------------------------------------------
# dev: the whole platform at the smallest sizes, one NAT gateway, single-AZ database, and
# disposable data (terraform destroy removes it without a final snapshot).
# ---------------------------------------------------------------------------------------------

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      "platform:environment" = "dev"
      "platform:owner"       = "platform-team"
      "platform:terraform"   = "terraform/environments/dev"
    }
  }
}

module "platform" {
  source = "../../modules/platform"

  prefix      = var.prefix
  environment = "dev"
  image_tags  = var.image_tags

  vpc_cidr           = "10.40.0.0/16"
  single_nat_gateway = true

  task_sizes = {
    "platform-api"        = { cpu = 256, memory = 512 }
    "provisioner-worker"  = { cpu = 256, memory = 512 }
    "enrichment-consumer" = { cpu = 512, memory = 1024 }
  }
  api_min_count            = 1
  api_max_count            = 2
  worker_min_count         = 1
  worker_max_count         = 2
  shards_per_consumer_task = 4
  bake_time_minutes        = 2
  canary_percent           = 50
  canary_interval_minutes  = 1

  db_instance_class        = "db.t4g.micro"
  db_multi_az              = false
  db_performance_insights  = false
  db_backup_retention_days = 1
  deletion_protection      = false
  disposable               = true
  log_retention_days       = 14

  cognito_domain_prefix = var.cognito_domain_prefix

  # The console's CloudFront origin, and in dev also Vite's (npm run dev against this API).
  admin_ui_callback_urls = concat(module.admin_ui.callback_urls, ["http://localhost:5173/auth/callback", "http://localhost:5173/auth/popup-callback"])
  admin_ui_logout_urls   = concat(module.admin_ui.logout_urls, ["http://localhost:5173/"])
  cors_allowed_origins   = [module.admin_ui.url, "http://localhost:5173"]

  api_throttling_rate_limit  = 10
  api_throttling_burst_limit = 20

  alarm_email       = var.alarm_email
  dms_source        = var.dms_source
  dms_source_cidr   = var.dms_source_cidr
  dms_source_schema = var.dms_source_schema
}

# The admin console: S3 + CloudFront on admin_ui_url, its config.json from the platform's outputs.
module "admin_ui" {
  source = "../../modules/admin-ui"

  prefix          = var.prefix
  url             = var.admin_ui_url
  certificate_arn = var.admin_ui_certificate_arn
  route53_zone_id = var.admin_ui_route53_zone_id
  force_destroy   = true

  api_url               = module.platform.api_endpoint
  resource_prefix       = var.prefix
  cognito_issuer        = module.platform.issuer_uri
  cognito_hosted_ui_url = module.platform.hosted_ui_url
  cognito_client_id     = module.platform.admin_ui_client_id
  scopes                = [module.platform.read_scope, module.platform.write_scope]
}
