# ---------------------------------------------------------------------------------------------
# Roles: one execution role (pull image, write logs, read secrets) and one least-privilege task
# role per service, plus the roles the worker hands to Glue and DMS and the ECS infrastructure
# role that shifts load balancer traffic during blue/green deployments.
# ---------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
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
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${var.log_group_name_prefix}/${each.key}:*"]
  }

  statement {
    sid       = "DecryptSecretsAndImages"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
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

# The pre-check of a registration's data_sources reads the DMS source's tables from the database
# itself, as the source endpoint's user (docs/api.md, Dry run and pre-checks): GetSecretValue on
# exactly that endpoint's secret, which is encrypted with the platform key the API already decrypts
# with (or an AWS managed key, which needs no grant).
resource "aws_iam_role_policy" "api_dms_source" {
  count  = var.dms_source_secret_arn == null ? 0 : 1
  name   = "platform-api-dms-source"
  role   = aws_iam_role.task["platform-api"].id
  policy = data.aws_iam_policy_document.api_dms_source[0].json
}

data "aws_iam_policy_document" "api_dms_source" {
  count = var.dms_source_secret_arn == null ? 0 : 1

  statement {
    sid       = "PrecheckDmsSourceCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.dms_source_secret_arn]
  }
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

  # The application's own connections: RDS IAM authentication as the least-privilege role, a
  # fresh 15-minute token for every new connection, so nothing the task holds can go stale.
  statement {
    sid       = "ConnectAsTheApplicationRole"
    actions   = ["rds-db:connect"]
    resources = ["arn:${local.partition}:rds-db:${local.region}:${local.account_id}:dbuser:${var.database_resource_id}/${var.database_app_username}"]
  }

  # Flyway migrates as the owner (the RDS master user). The JDBC wrapper reads the managed
  # secret when it connects, and again when a login fails after a rotation.
  statement {
    sid       = "ReadTheOwnerSecretForMigrations"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [var.database_secret_arn]
  }

  # Pre-checks of a registration (docs/decisions.md): read calls only, on the names systems get
  # under the prefix. HeadBucket needs s3:ListBucket; granted on every name under the prefix, a
  # 403 can then only mean another account's bucket.
  statement {
    sid       = "PrecheckBucketNames"
    actions   = ["s3:ListBucket"]
    resources = ["arn:${local.partition}:s3:::${var.prefix}-*"]
  }

  # Counting the account's buckets against its quota; ListBuckets has no resource to scope to.
  statement {
    sid       = "PrecheckBucketCount"
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
  }

  # The general purpose bucket quota (L-DC2B2D3D), kept in the partition's quota region.
  statement {
    sid       = "PrecheckBucketQuota"
    actions   = ["servicequotas:GetServiceQuota"]
    resources = ["arn:${local.partition}:servicequotas:*:${local.account_id}:s3/L-DC2B2D3D"]
  }

  statement {
    sid     = "PrecheckGlueNames"
    actions = ["glue:GetDatabase", "glue:GetCrawler"]
    resources = [
      "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog",
      "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${local.glue_prefix}_*",
      "arn:${local.partition}:glue:${local.region}:${local.account_id}:crawler/${var.prefix}-*",
    ]
  }

  statement {
    sid       = "PrecheckRuleNames"
    actions   = ["events:DescribeRule"]
    resources = ["arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${var.prefix}-*"]
  }

  statement {
    sid       = "PrecheckFunctionNames"
    actions   = ["lambda:GetFunction"]
    resources = ["arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.prefix}-*"]
  }

  statement {
    sid       = "PrecheckRoutes"
    actions   = ["apigateway:GET"]
    resources = ["arn:${local.partition}:apigateway:${local.region}::/apis/*/routes"]
  }

  # DMS Describe* calls take no resource-level permissions; they read, and filter by name.
  statement {
    sid       = "PrecheckDms"
    actions   = ["dms:DescribeReplicationTasks", "dms:DescribeEndpoints"]
    resources = ["*"]
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

  # KCL's documented minimum. The tables exist (messaging module), so CreateTable only ever
  # answers ResourceInUseException, but KCL calls it (and UpdateTable, for the lease table's
  # index) at start-up and stops on AccessDenied; scoped to these three tables it creates nothing.
  statement {
    sid = "KclLeaseTable"
    actions = [
      "dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:UpdateTable", "dynamodb:Scan",
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
    ]
    resources = [var.kcl_lease_table_arn]
  }

  statement {
    sid       = "KclLeaseTableIndex"
    actions   = ["dynamodb:Query"]
    resources = ["${var.kcl_lease_table_arn}/index/*"]
  }

  statement {
    sid = "KclWorkerMetricsAndCoordinatorState"
    actions = [
      "dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:GetItem",
      "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
    ]
    resources = var.kcl_state_table_arns
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
# Blue/green: the role CodeDeploy runs platform-api's deployments with, and the role of the
# hook function that checks green on the test listener
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "codedeploy" {
  name               = "${var.prefix}-codedeploy"
  assume_role_policy = data.aws_iam_policy_document.codedeploy_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "codedeploy_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codedeploy.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AWSCodeDeployRoleForECS"
}

# The managed policy lets CodeDeploy invoke only functions named CodeDeployHook_*; this grants
# the one hook platform-api's deployments name in their AppSpec.
resource "aws_iam_role_policy" "codedeploy_hook" {
  name   = "invoke-test-traffic-hook"
  role   = aws_iam_role.codedeploy.id
  policy = data.aws_iam_policy_document.codedeploy_hook.json
}

data "aws_iam_policy_document" "codedeploy_hook" {
  statement {
    sid       = "InvokeTheTestTrafficHook"
    actions   = ["lambda:InvokeFunction"]
    resources = ["arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.prefix}-api-test-traffic-hook"]
  }
}

resource "aws_iam_role" "test_traffic_hook" {
  name               = "${var.prefix}-api-test-traffic-hook"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# Network interfaces in the VPC (AWS grants these only on "*", hence the managed policy).
resource "aws_iam_role_policy_attachment" "test_traffic_hook_vpc" {
  role       = aws_iam_role.test_traffic_hook.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "test_traffic_hook" {
  name   = "report-to-codedeploy"
  role   = aws_iam_role.test_traffic_hook.id
  policy = data.aws_iam_policy_document.test_traffic_hook.json
}

data "aws_iam_policy_document" "test_traffic_hook" {
  statement {
    sid       = "ReportTheVerdict"
    actions   = ["codedeploy:PutLifecycleEventHookExecutionStatus"]
    resources = ["arn:${local.partition}:codedeploy:${local.region}:${local.account_id}:deploymentgroup:${var.prefix}-platform-api/*"]
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.prefix}-api-test-traffic-hook:*"]
  }

  statement {
    sid       = "DecryptOwnEnvironment"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}

# ---------------------------------------------------------------------------------------------
# Every task's metrics sidecar writes embedded metric format records to the metrics log group
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role_policy" "metrics" {
  for_each = local.services
  name     = "publish-metrics"
  role     = aws_iam_role.task[each.key].id
  policy   = data.aws_iam_policy_document.metrics.json
}

data "aws_iam_policy_document" "metrics" {
  statement {
    sid       = "WriteEmbeddedMetrics"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${var.log_group_name_prefix}/metrics:*"]
  }

  statement {
    sid       = "FindTheMetricsLogGroup"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:*"]
  }
}
