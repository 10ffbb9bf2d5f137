# ---------------------------------------------------------------------------------------------
# The whole footprint, composed from the modules beside this one; the environment roots call
# only this module, with their own sizes and protections.
# ---------------------------------------------------------------------------------------------

data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name
  tags   = merge(var.tags, { "platform:environment" = var.environment })

  # What the metrics sidecars publish to CloudWatch (dimension service), per service: Prometheus
  # metric names as regular expressions. The alarms and the runbook use them; the end-to-end
  # tests read the same file and check that each one names a metric the service really has.
  metrics_namespace = "Platform/${var.prefix}"
  exported_metrics  = jsondecode(file("${path.module}/exported-metrics.json"))

  # Metrics published with a label as a second dimension: platform-api's gauge of systems per
  # drift status (issue 17), which the alarm systems-drifted reads with status = drifted.
  labelled_metrics = {
    "platform-api" = [{ dimensions = [["service", "status"]], metric_name_selectors = ["^platform_systems_drift$"] }]
  }
}

module "network" {
  source             = "../network"
  name               = var.prefix
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
  tags               = local.tags

  flow_log_kms_key_arn    = module.kms.key_arn
  flow_log_retention_days = var.log_retention_days
}

# alias/<prefix>-data, the alias the worker's settings name by default.
module "kms" {
  source = "../kms"
  name   = "${var.prefix}-data"
  tags   = local.tags
}

module "ecr" {
  source      = "../ecr"
  prefix      = var.prefix
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "database" {
  source                       = "../database"
  name                         = var.prefix
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  kms_key_arn                  = module.kms.key_arn
  instance_class               = var.db_instance_class
  allocated_storage            = var.db_allocated_storage
  multi_az                     = var.db_multi_az
  performance_insights_enabled = var.db_performance_insights
  backup_retention_days        = var.db_backup_retention_days
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = var.disposable
  log_retention_days           = var.log_retention_days
  tags                         = local.tags
}

# Per-system replication from the operational database, when dms_source is set.
module "dms" {
  source = "../dms"
  count  = var.dms_source == null ? 0 : 1

  # The names local/init.py gives the emulator's stand-ins.
  name               = "${var.prefix}-replication"
  source_endpoint_id = "${var.prefix}-operational-source"
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.private_subnet_ids
  kms_key_arn        = module.kms.key_arn
  source_database    = var.dms_source
  source_cidr        = var.dms_source_cidr
  multi_az           = var.db_multi_az
  create_vpc_role    = var.dms_create_vpc_role
  tags               = local.tags
}

module "messaging" {
  source                    = "../messaging"
  prefix                    = var.prefix
  kms_key_arn               = module.kms.key_arn
  stream_shard_count        = var.stream_shard_count
  data_bucket_force_destroy = var.disposable
  deletion_protection       = var.deletion_protection
  log_retention_days        = var.log_retention_days
  tags                      = local.tags
}

module "iam" {
  source                = "../iam"
  prefix                = var.prefix
  kms_key_arn           = module.kms.key_arn
  ecr_repository_arns   = module.ecr.repository_arns
  database_secret_arn   = module.database.master_user_secret_arn
  database_resource_id  = module.database.resource_id
  database_app_username = module.database.app_username
  extra_secrets         = var.extra_secrets
  jobs_queue_arn        = module.messaging.jobs_queue_arn
  jobs_dlq_arn          = module.messaging.jobs_dlq_arn
  results_queue_arn     = module.messaging.results_queue_arn
  intents_table_arn     = module.messaging.intents_table_arn
  stream_arn            = module.messaging.stream_arn
  reference_table_arn   = module.messaging.reference_table_arn
  kcl_lease_table_arn   = module.messaging.kcl_lease_table_arn
  kcl_state_table_arns  = module.messaging.kcl_state_table_arns
  delivery_stream_arns  = module.messaging.delivery_stream_arns
  log_group_name_prefix = "/ecs/${var.prefix}"
  tags                  = local.tags

  # What the worker's per-system steps use (issue 15).
  platform_api_id           = module.api_gateway.api_id
  function_templates_bucket = module.messaging.function_templates_bucket
  dms_source_secret_arn     = var.dms_source == null ? null : var.dms_source.secret_arn
}

module "ecs" {
  source                     = "../ecs"
  prefix                     = var.prefix
  vpc_id                     = module.network.vpc_id
  private_subnet_ids         = module.network.private_subnet_ids
  kms_key_arn                = module.kms.key_arn
  services                   = local.services
  cpu_architecture           = var.cpu_architecture
  execution_role_arns        = module.iam.execution_role_arns
  task_role_arns             = module.iam.task_role_arns
  codedeploy_role_arn        = module.iam.codedeploy_role_arn
  test_traffic_hook_role_arn = module.iam.test_traffic_hook_role_arn
  database_security_group_id = module.database.security_group_id
  dms_source_network         = var.dms_source == null ? null : { cidr = var.dms_source_cidr, port = var.dms_source.port }
  jobs_queue_name            = module.messaging.jobs_queue_name
  bake_time_minutes          = var.bake_time_minutes
  canary_percent             = var.canary_percent
  canary_interval_minutes    = var.canary_interval_minutes
  release_on_apply           = var.release_on_apply
  metrics_namespace          = local.metrics_namespace
  exported_metrics           = local.exported_metrics
  labelled_metrics           = local.labelled_metrics
  api_min_count              = var.api_min_count
  api_max_count              = var.api_max_count
  worker_min_count           = var.worker_min_count
  worker_max_count           = var.worker_max_count
  log_retention_days         = var.log_retention_days
  tags                       = local.tags
}

module "api_gateway" {
  source                     = "../api-gateway"
  prefix                     = var.prefix
  private_subnet_ids         = module.network.private_subnet_ids
  vpc_link_security_group_id = module.ecs.alb_clients_security_group_id
  alb_listener_arn           = module.ecs.production_listener_arn
  kms_key_arn                = module.kms.key_arn
  cognito_domain_prefix      = var.cognito_domain_prefix
  admin_ui_callback_urls     = var.admin_ui_callback_urls
  admin_ui_logout_urls       = var.admin_ui_logout_urls
  cors_allowed_origins       = var.cors_allowed_origins
  throttling_rate_limit      = var.api_throttling_rate_limit
  throttling_burst_limit     = var.api_throttling_burst_limit
  deletion_protection        = var.deletion_protection
  log_retention_days         = var.log_retention_days
  tags                       = local.tags
}

module "monitoring" {
  source                  = "../monitoring"
  prefix                  = var.prefix
  kms_key_arn             = module.kms.key_arn
  alarm_email             = var.alarm_email
  alb_arn_suffix          = module.ecs.alb_arn_suffix
  api_id                  = module.api_gateway.api_id
  dead_letter_queue_names = module.messaging.dead_letter_queue_names
  stream_name             = module.messaging.stream_name
  delivery_stream_names   = module.messaging.delivery_stream_names
  db_instance_identifier  = module.database.instance_identifier
  cluster_name            = module.ecs.cluster_name
  service_names           = module.ecs.service_names
  metrics_namespace       = local.metrics_namespace
  tags                    = local.tags
}
