# ---------------------------------------------------------------------------------------------
# Internal ALB for platform-api with blue and green target groups, a production listener (API
# Gateway's VPC link) and a test listener (the green revision before it takes production).
# ---------------------------------------------------------------------------------------------

locals {
  listener_ports = {
    production = var.production_listener_port
    test       = var.test_listener_port
  }
}

resource "aws_lb" "api" {
  name                       = "${var.prefix}-api"
  internal                   = true
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.alb.id]
  subnets                    = var.private_subnet_ids
  drop_invalid_header_fields = true
  idle_timeout               = 60
  tags                       = var.tags
}

resource "aws_lb_target_group" "api" {
  for_each             = toset(["blue", "green"])
  name                 = "${var.prefix}-api-${each.key}"
  port                 = var.services["platform-api"].port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30
  tags                 = var.tags

  health_check {
    path                = "/actuator/health/readiness"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

# Each listener has one default action that forwards to one target group: CodeDeploy moves it
# between blue and green during a deployment (production on one listener, test traffic on the
# other), so Terraform sets it once and then leaves it to CodeDeploy.
resource "aws_lb_listener" "api" {
  for_each          = local.listener_ports
  load_balancer_arn = aws_lb.api.arn
  port              = each.value
  protocol          = "HTTP"
  tags              = var.tags

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api["blue"].arn
  }

  lifecycle {
    ignore_changes = [default_action]
  }
}

# Production traffic reaches only the API: the actuator (probes, metrics) is for the ALB's health
# checks, the metrics sidecar and the test listener, never for API clients.
resource "aws_lb_listener_rule" "production_hides_actuator" {
  listener_arn = aws_lb_listener.api["production"].arn
  priority     = 10
  tags         = var.tags

  action {
    type = "fixed-response"

    fixed_response {
      # The load balancer accepts only text/plain, text/css, text/html, application/javascript
      # and application/json; the body is still an RFC 9457 problem.
      content_type = "application/json"
      message_body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}"
      status_code  = "404"
    }
  }

  condition {
    path_pattern {
      values = ["/actuator", "/actuator/*"]
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "api_deployment_5xx" {
  alarm_name          = "${var.prefix}-api-deployment-5xx"
  alarm_description   = "platform-api targets answer 5xx; during a blue/green deployment CodeDeploy rolls back"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 2
  threshold           = var.deployment_5xx_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  tags                = var.tags

  dimensions = {
    LoadBalancer = aws_lb.api.arn_suffix
  }
}

# A target group whose targets fail their health checks: the green revision does not become
# ready, or stops being ready once traffic reaches it. Either rolls a deployment back.
resource "aws_cloudwatch_metric_alarm" "api_unhealthy_targets" {
  for_each            = aws_lb_target_group.api
  alarm_name          = "${var.prefix}-api-${each.key}-unhealthy-targets"
  alarm_description   = "platform-api targets in ${each.value.name} fail their readiness checks"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  tags                = var.tags

  dimensions = {
    LoadBalancer = aws_lb.api.arn_suffix
    TargetGroup  = each.value.arn_suffix
  }
}

# ---------------------------------------------------------------------------------------------
# Security groups: API Gateway's VPC link → ALB → platform-api tasks → database. Nothing is
# reachable from outside the VPC; tasks leave only on HTTPS (AWS APIs, Cognito's keys).
# ---------------------------------------------------------------------------------------------

resource "aws_security_group" "alb_clients" {
  name        = "${var.prefix}-api-clients"
  description = "Clients of the internal ALB: API Gateway's VPC link"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_security_group" "alb" {
  name        = "${var.prefix}-api-alb"
  description = "Internal ALB of platform-api"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_security_group" "task" {
  for_each    = var.services
  name        = "${var.prefix}-${each.key}"
  description = "Tasks of ${each.key}"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_egress_rule" "clients_to_alb" {
  for_each                     = local.listener_ports
  security_group_id            = aws_security_group.alb_clients.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "${each.key} listener"
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_clients" {
  for_each                     = local.listener_ports
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.alb_clients.id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "${each.key} listener"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.task["platform-api"].id
  ip_protocol                  = "tcp"
  from_port                    = var.services["platform-api"].port
  to_port                      = var.services["platform-api"].port
  description                  = "platform-api tasks"
}

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.task["platform-api"].id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.services["platform-api"].port
  to_port                      = var.services["platform-api"].port
  description                  = "ALB (requests and health checks)"
}

resource "aws_vpc_security_group_egress_rule" "task_https" {
  for_each          = var.services
  security_group_id = aws_security_group.task[each.key].id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "AWS APIs (endpoints or NAT) and Cognito's signing keys"
}

resource "aws_vpc_security_group_egress_rule" "api_to_database" {
  security_group_id            = aws_security_group.task["platform-api"].id
  referenced_security_group_id = var.database_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = var.database_port
  to_port                      = var.database_port
  description                  = "PostgreSQL"
}

# The pre-check of a registration's data_sources asks the DMS source database for its tables.
resource "aws_vpc_security_group_egress_rule" "api_to_dms_source" {
  count             = var.dms_source_network == null ? 0 : 1
  security_group_id = aws_security_group.task["platform-api"].id
  cidr_ipv4         = var.dms_source_network.cidr
  ip_protocol       = "tcp"
  from_port         = var.dms_source_network.port
  to_port           = var.dms_source_network.port
  description       = "DMS source database (data_sources pre-check)"
}

resource "aws_vpc_security_group_ingress_rule" "database_from_api" {
  security_group_id            = var.database_security_group_id
  referenced_security_group_id = aws_security_group.task["platform-api"].id
  ip_protocol                  = "tcp"
  from_port                    = var.database_port
  to_port                      = var.database_port
  description                  = "platform-api tasks only"
}
