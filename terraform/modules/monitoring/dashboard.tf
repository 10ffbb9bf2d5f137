# ---------------------------------------------------------------------------------------------
# One dashboard: API traffic and errors, queues, stream lag, delivery, database, ECS usage
# ---------------------------------------------------------------------------------------------

locals {
  region = data.aws_region.current.name

  widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title   = "Admin API requests and errors"
        region  = local.region
        stat    = "Sum"
        period  = 60
        metrics = [["AWS/ApiGateway", "Count", "ApiId", var.api_id], [".", "4xx", ".", "."], [".", "5xx", ".", "."]]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title   = "platform-api latency behind the ALB (p99, s)"
        region  = local.region
        stat    = "p99"
        period  = 60
        metrics = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix]]
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 12, height = 6
      properties = {
        title   = "Dead-letter queues"
        region  = local.region
        stat    = "Maximum"
        period  = 300
        metrics = [for name in sort(values(var.dead_letter_queue_names)) : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", name]]
      }
    },
    {
      type = "metric", x = 12, y = 6, width = 12, height = 6
      properties = {
        title   = "Event stream lag (ms)"
        region  = local.region
        stat    = "Maximum"
        period  = 300
        metrics = [["AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName", var.stream_name]]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 12, height = 6
      properties = {
        title   = "Database CPU (%) and free storage (bytes)"
        region  = local.region
        stat    = "Average"
        period  = 300
        metrics = [["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", var.db_instance_identifier], [".", "FreeStorageSpace", ".", "."]]
      }
    },
    {
      type = "metric", x = 0, y = 18, width = 12, height = 6
      properties = {
        title   = "Firehose delivery to S3 (success ratio)"
        region  = local.region
        stat    = "Minimum"
        period  = 300
        metrics = [for name in sort(values(var.delivery_stream_names)) : ["AWS/Firehose", "DeliveryToS3.Success", "DeliveryStreamName", name]]
      }
    },
    {
      type = "metric", x = 12, y = 12, width = 12, height = 6
      properties = {
        title   = "Service CPU (%)"
        region  = local.region
        stat    = "Average"
        period  = 300
        metrics = [for name in sort(values(var.service_names)) : ["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", name]]
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.prefix
  dashboard_body = jsonencode({ widgets = local.widgets })
}
