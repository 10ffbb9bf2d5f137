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

  cognito_domain_prefix  = var.cognito_domain_prefix
  admin_ui_callback_urls = ["${var.admin_ui_url}/callback"]
  admin_ui_logout_urls   = [var.admin_ui_url]
  cors_allowed_origins   = [var.admin_ui_url]

  api_throttling_rate_limit  = 50
  api_throttling_burst_limit = 100

  alarm_email       = var.alarm_email
  dms_source        = var.dms_source
  dms_source_cidr   = var.dms_source_cidr
  dms_source_schema = var.dms_source_schema
}
