# ---------------------------------------------------------------------------------------------
# Alarms to an encrypted SNS topic: API 5xx, any DLQ not empty, the outbox backlog, drifted
# systems, the consumer's lag, Kinesis iterator age, Firehose delivery failures, RDS CPU and
# free storage. Plus one dashboard over all of it.
# ---------------------------------------------------------------------------------------------

data "aws_region" "current" {}

resource "aws_sns_topic" "alarms" {
  name              = "${var.prefix}-alarms"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alarm_email == null ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  alarm_name          = "${var.prefix}-api-target-5xx"
  alarm_description   = "platform-api answers 5xx behind the ALB"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.api_5xx_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    LoadBalancer = var.alb_arn_suffix
  }
}

resource "aws_cloudwatch_metric_alarm" "api_gateway_5xx" {
  alarm_name          = "${var.prefix}-api-gateway-5xx"
  alarm_description   = "The admin API answers 5xx (including VPC link and integration failures)"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.api_5xx_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    ApiId = var.api_id
  }
}

resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  for_each            = var.dead_letter_queue_names
  alarm_name          = "${var.prefix}-${each.key}-dlq-not-empty"
  alarm_description   = "Messages in ${each.value}: something failed for good and needs a look"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    QueueName = each.value
  }
}

resource "aws_cloudwatch_metric_alarm" "iterator_age" {
  alarm_name          = "${var.prefix}-enrichment-iterator-age"
  alarm_description   = "The enrichment consumer falls behind the event stream"
  namespace           = "AWS/Kinesis"
  metric_name         = "GetRecords.IteratorAgeMilliseconds"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.iterator_age_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    StreamName = var.stream_name
  }
}

# DeliveryToS3.Success is the share of successful deliveries; below 1 some failed.
resource "aws_cloudwatch_metric_alarm" "firehose_delivery" {
  for_each            = var.delivery_stream_names
  alarm_name          = "${var.prefix}-${each.key}-delivery-failures"
  alarm_description   = "Firehose ${each.value} fails to deliver to S3"
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.Success"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    DeliveryStreamName = each.value
  }
}

resource "aws_cloudwatch_metric_alarm" "rds_cpu" {
  alarm_name          = "${var.prefix}-database-cpu"
  alarm_description   = "The database CPU stays high"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.rds_cpu_threshold_percent
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    DBInstanceIdentifier = var.db_instance_identifier
  }
}

resource "aws_cloudwatch_metric_alarm" "rds_free_storage" {
  alarm_name          = "${var.prefix}-database-free-storage"
  alarm_description   = "The database runs out of storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.rds_free_storage_threshold_bytes
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    DBInstanceIdentifier = var.db_instance_identifier
  }
}

# ---------------------------------------------------------------------------------------------
# From the services' own Prometheus metrics, published by each task's metrics sidecar in
# metrics_namespace with the dimension service.
# ---------------------------------------------------------------------------------------------

# Jobs written but not on the jobs queue. The relay normally sends within milliseconds and the
# resubmission retries every 30 s, so a backlog that never drains to 0 for outbox_backlog_minutes
# means SQS is unreachable, the queue is missing or the role may not send.
resource "aws_cloudwatch_metric_alarm" "outbox_backlog" {
  alarm_name          = "${var.prefix}-outbox-backlog"
  alarm_description   = "Provisioning jobs stay in platform-api's outbox instead of reaching the jobs queue"
  namespace           = var.metrics_namespace
  metric_name         = "platform_outbox_incomplete"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = var.outbox_backlog_minutes
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    service = "platform-api"
  }
}

# Systems whose last verify found drift (issue 17): platform-api's gauge platform.systems.drift,
# published per status (dimensions service and status). Verifies run every
# PLATFORM_API_RECONCILE_INTERVAL, so the gauge moves at most that often; any drifted system
# alarms until it is repaired or its drift reverted, and a check finds it in sync again.
resource "aws_cloudwatch_metric_alarm" "systems_drifted" {
  alarm_name          = "${var.prefix}-systems-drifted"
  alarm_description   = "Registered systems whose AWS resources differ from their registration (GET /admin/systems?drifted=true lists them)"
  namespace           = var.metrics_namespace
  metric_name         = "platform_systems_drift"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    service = "platform-api"
    status  = "drifted"
  }
}

# How far behind the newest record the consumer's slowest shard is, as KCL reports it.
resource "aws_cloudwatch_metric_alarm" "consumer_lag" {
  alarm_name          = "${var.prefix}-enrichment-consumer-lag"
  alarm_description   = "enrichment-consumer falls behind the event stream (its own millisBehindLatest)"
  namespace           = var.metrics_namespace
  metric_name         = "enrichment_millis_behind_latest_milliseconds"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.consumer_lag_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  dimensions = {
    service = "enrichment-consumer"
  }
}
