# ---------------------------------------------------------------------------------------------
# Roles: one execution role (pull image, write logs, read secrets) and one least-privilege task
# role per service, plus the roles the worker hands to Glue and DMS and the ECS infrastructure
# role that shifts load balancer traffic during blue/green deployments.
# ---------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.region
  services   = toset(["platform-api", "provisioner-worker", "enrichment-consumer"])
  # Glue databases cannot contain hyphens: the worker names them <prefix>_<system>_db.
  glue_prefix = replace(var.prefix, "-", "_")
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Execution roles
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "execution" {
  for_each           = local.services
  name               = "${var.prefix}-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "execution" {
  for_each = local.services
  name     = "pull-image-write-logs"
  role     = aws_iam_role.execution[each.key].id
  policy   = data.aws_iam_policy_document.execution[each.key].json
}

data "aws_iam_policy_document" "execution" {
  for_each = local.services

  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullImages"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = var.ecr_repository_arns
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:${local.region}:${local.account_id}:log-group:${var.log_group_name_prefix}/${each.key}:*"]
  }

  statement {
    sid       = "DecryptSecretsAndImages"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "api_execution_secrets" {
  name   = "read-database-secret"
  role   = aws_iam_role.execution["platform-api"].id
  policy = data.aws_iam_policy_document.api_execution_secrets.json
}

data "aws_iam_policy_document" "api_execution_secrets" {
  statement {
    sid       = "ReadDatabaseSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.database_secret_arn]
  }
}

resource "aws_iam_role_policy" "execution_extra_secrets" {
  for_each = var.extra_secrets
  name     = "read-extra-secrets"
  role     = aws_iam_role.execution[each.key].id
  policy   = data.aws_iam_policy_document.execution_extra_secrets[each.key].json
}

data "aws_iam_policy_document" "execution_extra_secrets" {
  for_each = var.extra_secrets

  statement {
    sid       = "ReadExtraSecrets"
    actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
    resources = sort(values(each.value))
  }
}

# ---------------------------------------------------------------------------------------------
# Task roles
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "task" {
  for_each           = local.services
  name               = "${var.prefix}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "api" {
  name   = "platform-api"
  role   = aws_iam_role.task["platform-api"].id
  policy = data.aws_iam_policy_document.api.json
}

data "aws_iam_policy_document" "api" {
  statement {
    sid       = "SendJobs"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = [var.jobs_queue_arn]
  }

  statement {
    sid = "ConsumeResultsAndDeadJobs"
    actions = [
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
    ]
    resources = [var.results_queue_arn, var.jobs_dlq_arn]
  }

  statement {
    sid       = "UseEncryptedQueues"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "consumer" {
  name   = "enrichment-consumer"
  role   = aws_iam_role.task["enrichment-consumer"].id
  policy = data.aws_iam_policy_document.consumer.json
}

data "aws_iam_policy_document" "consumer" {
  statement {
    sid = "ReadStream"
    actions = [
      "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
      "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:SubscribeToShard",
      "kinesis:DescribeStreamConsumer", "kinesis:RegisterStreamConsumer",
    ]
    resources = [var.stream_arn, "${var.stream_arn}/consumer/*"]
  }

  statement {
    sid = "KclLeases"
    actions = [
      "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:Scan", "dynamodb:Query",
    ]
    resources = concat(var.kcl_table_arns, formatlist("%s/index/*", var.kcl_table_arns))
  }

  statement {
    sid       = "ReadReferenceData"
    actions   = ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:DescribeTable"]
    resources = [var.reference_table_arn]
  }

  statement {
    sid       = "DeliverEvents"
    actions   = ["firehose:PutRecord", "firehose:PutRecordBatch"]
    resources = var.delivery_stream_arns
  }

  statement {
    sid       = "UseEncryptedStreamAndTables"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
}

# ---------------------------------------------------------------------------------------------
# The ECS infrastructure role: moves traffic between target groups during blue/green deploys
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "ecs_infrastructure" {
  name               = "${var.prefix}-ecs-infrastructure"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "ecs_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "ecs_infrastructure" {
  role       = aws_iam_role.ecs_infrastructure.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
}
