# ---------------------------------------------------------------------------------------------
# Blue/green for platform-api with CodeDeploy (the deployment controller provider 5.x and 6.x
# both support). A deployment starts the new task set behind the idle target group, points the
# test listener at it, runs the hook below (which must answer Succeeded before production moves),
# shifts production traffic canary-style, keeps the old task set for the bake time, and rolls
# back on its own when a deployment alarm fires or the hook fails.
# ---------------------------------------------------------------------------------------------

resource "aws_codedeploy_app" "api" {
  name             = "${var.prefix}-platform-api"
  compute_platform = "ECS"
  tags             = var.tags
}

# Traffic shifting: canary_percent of production for canary_interval_minutes, then the rest.
resource "aws_codedeploy_deployment_config" "api" {
  deployment_config_name = "${var.prefix}-platform-api-canary"
  compute_platform       = "ECS"

  traffic_routing_config {
    type = "TimeBasedCanary"

    time_based_canary {
      percentage = var.canary_percent
      interval   = var.canary_interval_minutes
    }
  }
}

resource "aws_codedeploy_deployment_group" "api" {
  app_name               = aws_codedeploy_app.api.name
  deployment_group_name  = "platform-api"
  service_role_arn       = var.codedeploy_role_arn
  deployment_config_name = aws_codedeploy_deployment_config.api.id
  tags                   = var.tags

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }

    # The bake time: the old task set stays up (a rollback is a traffic switch) this long.
    terminate_blue_instances_on_deployment_success {
      action                           = "TERMINATE"
      termination_wait_time_in_minutes = var.bake_time_minutes
    }
  }

  ecs_service {
    cluster_name = aws_ecs_cluster.this.name
    service_name = aws_ecs_service.api.name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [aws_lb_listener.api["production"].arn]
      }

      test_traffic_route {
        listener_arns = [aws_lb_listener.api["test"].arn]
      }

      target_group {
        name = aws_lb_target_group.api["blue"].name
      }

      target_group {
        name = aws_lb_target_group.api["green"].name
      }
    }
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  alarm_configuration {
    enabled = true
    alarms = concat(
      [aws_cloudwatch_metric_alarm.api_deployment_5xx.alarm_name],
      [for group in sort(keys(aws_cloudwatch_metric_alarm.api_unhealthy_targets)) : aws_cloudwatch_metric_alarm.api_unhealthy_targets[group].alarm_name],
    )
  }
}

# ---------------------------------------------------------------------------------------------
# The AfterAllowTestTraffic hook: a Lambda function in the VPC that asks the green task set, on
# the test listener, for its readiness and for an unauthenticated admin call (which must be a
# 401 problem), and reports the verdict to CodeDeploy. Production traffic moves only after it
# answered Succeeded; Failed (or no answer within an hour) rolls the deployment back.
# ---------------------------------------------------------------------------------------------

resource "aws_security_group" "test_traffic_hook" {
  name        = "${var.prefix}-api-test-traffic-hook"
  description = "The blue/green hook that calls the test listener"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_egress_rule" "hook_to_test_listener" {
  security_group_id            = aws_security_group.test_traffic_hook.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.test_listener_port
  to_port                      = var.test_listener_port
  description                  = "test listener"
}

resource "aws_vpc_security_group_ingress_rule" "test_listener_from_hook" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.test_traffic_hook.id
  ip_protocol                  = "tcp"
  from_port                    = var.test_listener_port
  to_port                      = var.test_listener_port
  description                  = "blue/green hook"
}

resource "aws_vpc_security_group_egress_rule" "hook_https" {
  security_group_id = aws_security_group.test_traffic_hook.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "CodeDeploy API (PutLifecycleEventHookExecutionStatus)"
}

resource "aws_cloudwatch_log_group" "test_traffic_hook" {
  name              = "/aws/lambda/${var.prefix}-api-test-traffic-hook"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_lambda_function" "test_traffic_hook" {
  function_name = "${var.prefix}-api-test-traffic-hook"
  description   = "Checks green on the test listener before CodeDeploy shifts production traffic"
  role          = var.test_traffic_hook_role_arn
  runtime       = "python3.12"
  handler       = "test_traffic_check.handler"
  # Built from hooks/test_traffic_check.py (terraform-checks compares the two).
  filename         = "${path.module}/hooks/test_traffic_check.zip"
  source_code_hash = filebase64sha256("${path.module}/hooks/test_traffic_check.zip")
  timeout          = 60
  kms_key_arn      = var.kms_key_arn
  tags             = var.tags

  environment {
    variables = {
      TEST_LISTENER_URL = "http://${aws_lb.api.dns_name}:${var.test_listener_port}"
    }
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.test_traffic_hook.id]
  }

  depends_on = [aws_cloudwatch_log_group.test_traffic_hook]
}

# ---------------------------------------------------------------------------------------------
# A release: when the platform-api task definition changes, apply asks CodeDeploy for a
# deployment of the new revision (the AppSpec below) and waits for its outcome. The first apply
# skips it: the service was just created on that revision.
# ---------------------------------------------------------------------------------------------

locals {
  api_appspec = jsonencode({
    version = "0.0"
    Resources = [{
      TargetService = {
        Type = "AWS::ECS::Service"
        Properties = {
          TaskDefinition = aws_ecs_task_definition.this["platform-api"].arn
          LoadBalancerInfo = {
            ContainerName = "platform-api"
            ContainerPort = var.services["platform-api"].port
          }
        }
      }
    }]
    Hooks = [{ AfterAllowTestTraffic = aws_lambda_function.test_traffic_hook.arn }]
  })
}

resource "terraform_data" "api_release" {
  count            = var.release_on_apply ? 1 : 0
  triggers_replace = [aws_ecs_task_definition.this["platform-api"].arn]

  provisioner "local-exec" {
    command = "${path.module}/release-platform-api.sh"
    environment = {
      CLUSTER          = aws_ecs_cluster.this.name
      SERVICE          = aws_ecs_service.api.name
      APPLICATION      = aws_codedeploy_app.api.name
      DEPLOYMENT_GROUP = aws_codedeploy_deployment_group.api.deployment_group_name
      TASK_DEFINITION  = aws_ecs_task_definition.this["platform-api"].arn
      APPSPEC          = local.api_appspec
      AWS_REGION       = local.region
    }
  }
}
