# ---------------------------------------------------------------------------------------------
# ECS cluster and the three Fargate services. platform-api sits behind an internal ALB and is
# deployed blue/green by CodeDeploy (blue-green.tf); the worker and the consumer roll.
# ---------------------------------------------------------------------------------------------

data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name
  api    = var.services["platform-api"]
  worker = var.services["provisioner-worker"]

  # One declaration per dimension set: a labelled gauge (platform_systems_drift{status}) under
  # [service] alone would mix its label values into one CloudWatch metric.
  service_metric_declarations = {
    for name, service in var.services : name => [{ dimensions = [["service"]], metric_name_selectors = var.exported_metrics[name] }]
  }
  metric_declarations = {
    for name, service in var.services : name => concat(local.service_metric_declarations[name], lookup(var.labelled_metrics, name, []))
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.prefix
  tags = var.tags

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = var.services
  name              = "/ecs/${var.prefix}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# ---------------------------------------------------------------------------------------------
# Task definitions: the service's container, health checked on the liveness probe, logs to
# CloudWatch, SIGKILL only after the graceful shutdown had its time; and a metrics sidecar
# (the AWS Distro for OpenTelemetry collector) that scrapes the service's Prometheus endpoint
# and writes the selected metrics to CloudWatch as embedded metric format logs.
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${var.prefix}/metrics"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_ecs_task_definition" "this" {
  for_each                 = var.services
  family                   = "${var.prefix}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = var.execution_role_arns[each.key]
  task_role_arn            = var.task_role_arns[each.key]
  tags                     = var.tags

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([
    {
      name         = each.key
      image        = each.value.image
      essential    = true
      stopTimeout  = var.stop_timeout_seconds
      portMappings = [{ name = "http", containerPort = each.value.port, protocol = "tcp" }]
      environment  = [for name in sort(keys(each.value.environment)) : { name = name, value = each.value.environment[name] }]
      secrets      = [for name in sort(keys(each.value.secrets)) : { name = name, valueFrom = each.value.secrets[name] }]
      healthCheck = {
        # The image's own probe (bash /dev/tcp): the JRE image carries no curl.
        command     = ["CMD", "healthcheck"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
    {
      # Not essential: a collector that dies costs metrics, never the service.
      name              = "metrics"
      image             = var.metrics_collector_image
      essential         = false
      memoryReservation = 64
      environment = [{
        name = "AOT_CONFIG_CONTENT"
        value = yamlencode({
          receivers = {
            prometheus = {
              config = {
                scrape_configs = [{
                  job_name        = each.key
                  metrics_path    = "/actuator/prometheus"
                  scrape_interval = "${var.metrics_scrape_interval_seconds}s"
                  static_configs  = [{ targets = ["localhost:${each.value.port}"], labels = { service = each.key } }]
                }]
              }
            }
          }
          exporters = {
            awsemf = {
              namespace               = var.metrics_namespace
              region                  = local.region
              log_group_name          = aws_cloudwatch_log_group.metrics.name
              log_stream_name         = each.key
              dimension_rollup_option = "NoDimensionRollup"
              metric_declarations     = local.metric_declarations[each.key]
            }
          }
          service = {
            pipelines = { metrics = { receivers = ["prometheus"], exporters = ["awsemf"] } }
          }
        })
      }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = "metrics"
        }
      }
    },
  ])
}

# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------

resource "aws_ecs_service" "api" {
  name                              = "platform-api"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.this["platform-api"].arn
  desired_count                     = var.services["platform-api"].desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90
  propagate_tags                    = "SERVICE"
  wait_for_steady_state             = true
  tags                              = var.tags

  # CodeDeploy runs every deployment after the first (blue-green.tf): it starts the new task
  # set behind the green target group, lets the hook check it on the test listener, shifts
  # production traffic and rolls back on the deployment alarms.
  deployment_controller {
    type = "CODE_DEPLOY"
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.task["platform-api"].id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api["blue"].arn
    container_name   = "platform-api"
    container_port   = var.services["platform-api"].port
  }

  # Autoscaling owns the count, CodeDeploy the task definition and the target group (each
  # deployment swaps blue and green); ECS refuses those changes on a CODE_DEPLOY service anyway.
  lifecycle {
    ignore_changes = [desired_count, task_definition, load_balancer]
  }

  depends_on = [aws_lb_listener.api]
}

resource "aws_ecs_service" "worker" {
  name            = "provisioner-worker"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this["provisioner-worker"].arn
  desired_count   = var.services["provisioner-worker"].desired_count
  launch_type     = "FARGATE"
  propagate_tags  = "SERVICE"
  tags            = var.tags

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.task["provisioner-worker"].id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

# Sized by the shard count, not autoscaled: KCL spreads one lease per shard over the tasks,
# so tasks beyond the shard count would sit idle. Starting the new tasks before stopping the
# old ones lets leases move over while the old tasks checkpoint on shutdown.
resource "aws_ecs_service" "consumer" {
  name                               = "enrichment-consumer"
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this["enrichment-consumer"].arn
  desired_count                      = var.services["enrichment-consumer"].desired_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"
  tags                               = var.tags

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.task["enrichment-consumer"].id]
    assign_public_ip = false
  }
}
