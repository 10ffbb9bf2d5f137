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

data "aws_iam_policy_document" "worker_system_runtime" {
  statement {
    sid = "ManageSystemFunctions"
    actions = [
      "lambda:CreateFunction", "lambda:GetFunction", "lambda:DeleteFunction",
      "lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode",
      "lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy",
      "lambda:TagResource", "lambda:ListTags",
    ]
    resources = ["arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.prefix}-*-handler"]
  }

  statement {
    sid       = "PassSystemFunctionRole"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.system_function.arn]
  }

  statement {
    sid = "ManageSystemLogGroups"
    actions = [
      "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DescribeLogGroups",
      "logs:PutRetentionPolicy", "logs:AssociateKmsKey", "logs:TagResource",
      "logs:ListTagsForResource",
    ]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.prefix}-*"]
  }

  statement {
    sid       = "ListLogGroups"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["*"]
  }

  statement {
    sid       = "ManageSystemRoutes"
    actions   = ["apigateway:GET", "apigateway:POST", "apigateway:PATCH", "apigateway:DELETE"]
    resources = ["arn:${local.partition}:apigateway:${local.region}::/apis/*/routes*", "arn:${local.partition}:apigateway:${local.region}::/apis/*/integrations*"]
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
