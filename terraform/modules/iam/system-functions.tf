# ---------------------------------------------------------------------------------------------
# Each system's Lambda function <prefix>-<system>-handler: the role every such function runs as,
# and what provisioner-worker needs to manage the functions, their log groups, their routes on
# the platform HTTP API, their dashboards and alarms (issue 15). Only names under the prefix.
# ---------------------------------------------------------------------------------------------

# The Lambda trust policy (lambda_assume) is the one main.tf declares for the test-traffic hook.
resource "aws_iam_role" "system_function" {
  name               = "${var.prefix}-system-function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "system_function" {
  name   = "system-function"
  role   = aws_iam_role.system_function.id
  policy = data.aws_iam_policy_document.system_function.json
}

data "aws_iam_policy_document" "system_function" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.prefix}-*-handler:*"]
  }

  statement {
    sid       = "ReadWriteSystemData"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
    resources = concat(local.worker_buckets, formatlist("%s/*", local.worker_buckets))
  }

  statement {
    sid       = "UsePlatformKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "worker_system_runtime" {
  name   = "provisioner-worker-system-runtime"
  role   = aws_iam_role.task["provisioner-worker"].id
  policy = data.aws_iam_policy_document.worker_system_runtime.json
}

locals {
  # Built from the name, not the role's ARN attribute: known at plan time, so the policy is too.
  system_function_role_arn = "arn:${local.partition}:iam::${local.account_id}:role/${aws_iam_role.system_function.name}"
  system_function_arn      = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.prefix}-*-handler"
  system_log_group_arn     = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.prefix}-*-handler"
  platform_api_arn         = "arn:${local.partition}:apigateway:${local.region}::/apis/${var.platform_api_id}"
}

# Exactly the calls of the worker's FunctionStep, LogGroupStep, IntegrationStep, RouteStep,
# PermissionStep, DashboardStep and AlarmStep, and of their verify reads (issue 17).
data "aws_iam_policy_document" "worker_system_runtime" {
  # GetFunction returns the tags only to a caller that may lambda:ListTags.
  statement {
    sid = "ManageSystemFunctions"
    actions = [
      "lambda:CreateFunction", "lambda:GetFunction", "lambda:DeleteFunction",
      "lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode",
      "lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy",
      "lambda:TagResource", "lambda:ListTags",
    ]
    resources = [local.system_function_arn]
  }

  statement {
    sid       = "PassSystemFunctionRoleToLambda"
    actions   = ["iam:PassRole"]
    resources = [local.system_function_role_arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }

  # A function created from a template: Lambda reads the zip with the caller's permissions (the
  # bucket is encrypted with the platform key, which EncryptWithPlatformKey lets the worker use).
  statement {
    sid       = "ReadFunctionTemplates"
    actions   = ["s3:GetObject"]
    resources = ["arn:${local.partition}:s3:::${var.function_templates_bucket}/*"]
  }

  # CreateLogGroup with tags needs TagResource; the tag calls name the group without ":*".
  statement {
    sid = "ManageSystemLogGroups"
    actions = [
      "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy",
      "logs:AssociateKmsKey", "logs:TagResource", "logs:ListTagsForResource",
    ]
    resources = [local.system_log_group_arn, "${local.system_log_group_arn}:*"]
  }

  # DescribeLogGroups (by name prefix) authorises only on "*".
  statement {
    sid       = "ListLogGroups"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["*"]
  }

  # Routes and integrations on the platform HTTP API only (API Gateway v2 ARNs are paths).
  statement {
    sid     = "ManageSystemRoutesOnThePlatformApi"
    actions = ["apigateway:GET", "apigateway:POST", "apigateway:PATCH", "apigateway:DELETE"]
    resources = [
      "${local.platform_api_arn}/routes", "${local.platform_api_arn}/routes/*",
      "${local.platform_api_arn}/integrations", "${local.platform_api_arn}/integrations/*",
    ]
  }

  statement {
    sid = "ManageSystemDashboardsAndAlarms"
    actions = [
      "cloudwatch:PutDashboard", "cloudwatch:GetDashboard", "cloudwatch:DeleteDashboards",
      "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource",
      "cloudwatch:ListTagsForResource",
    ]
    resources = [
      "arn:${local.partition}:cloudwatch::${local.account_id}:dashboard/${var.prefix}-*",
      "arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:${var.prefix}-*",
    ]
  }

  # DescribeAlarms (by alarm names) authorises only on "*".
  statement {
    sid       = "DescribeAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["*"]
  }

  statement {
    sid       = "ResolvePlatformKey"
    actions   = ["kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }
}

output "system_function_role_arn" {
  description = "Role every system's Lambda function runs as (PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN)."
  value       = aws_iam_role.system_function.arn
}
