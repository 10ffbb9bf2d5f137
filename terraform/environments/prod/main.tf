# ---------------------------------------------------------------------------------------------
# prod: a NAT gateway per zone, multi-AZ database with deletion protection and two weeks of
# backups, protected tables and user pool, more tasks and a longer bake time.
# ---------------------------------------------------------------------------------------------

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      "platform:environment" = "prod"
      "platform:owner"       = "platform-team"
      "platform:terraform"   = "terraform/environments/prod"
    }
  }
}

module "platform" {
  source = "../../modules/platform"

  prefix      = var.prefix
  environment = "prod"
  image_tags  = var.image_tags

  vpc_cidr           = "10.50.0.0/16"
  single_nat_gateway = false

  task_sizes = {
    "platform-api"        = { cpu = 1024, memory = 2048 }
    "provisioner-worker"  = { cpu = 512, memory = 1024 }
    "enrichment-consumer" = { cpu = 1024, memory = 2048 }
  }
  api_min_count            = 2
  api_max_count            = 8
  worker_min_count         = 2
  worker_max_count         = 6
  shards_per_consumer_task = 2
  bake_time_minutes        = 15

  db_instance_class        = "db.m7g.large"
  db_allocated_storage     = 100
  db_multi_az              = true
  db_backup_retention_days = 14
  deletion_protection      = true
  disposable               = false
  log_retention_days       = 90

  cognito_domain_prefix = var.cognito_domain_prefix

  # The console's CloudFront origin only.
  admin_ui_callback_urls = module.admin_ui.callback_urls
  admin_ui_logout_urls   = module.admin_ui.logout_urls
  cors_allowed_origins   = [module.admin_ui.url]

  api_throttling_rate_limit  = 50
  api_throttling_burst_limit = 100

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
  force_destroy   = false

  api_url               = module.platform.api_endpoint
  resource_prefix       = var.prefix
  cognito_issuer        = module.platform.issuer_uri
  cognito_hosted_ui_url = module.platform.hosted_ui_url
  cognito_client_id     = module.platform.admin_ui_client_id
  scopes                = [module.platform.read_scope, module.platform.write_scope]
}
