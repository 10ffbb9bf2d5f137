# ---------------------------------------------------------------------------------------------
# provisioner-worker: manages only resources named under the prefix (buckets <prefix>-*-raw,
# -curated, -prod; Glue <prefix>_* databases and <prefix>-* crawlers; <prefix>-* rules) and
# DMS resources carrying its managed-by tag, and passes only the crawler and DMS roles.
# ---------------------------------------------------------------------------------------------

locals {
  worker_buckets = [
    "arn:${local.partition}:s3:::${var.prefix}-*-raw",
    "arn:${local.partition}:s3:::${var.prefix}-*-curated",
    "arn:${local.partition}:s3:::${var.prefix}-*-prod",
  ]
  glue_arn       = "arn:${local.partition}:glue:${local.region}:${local.account_id}"
  dms_arn        = "arn:${local.partition}:dms:${local.region}:${local.account_id}"
  managed_by_tag = "platform:managed-by"
}

resource "aws_iam_role_policy" "worker" {
  name   = "provisioner-worker"
  role   = aws_iam_role.task["provisioner-worker"].id
  policy = data.aws_iam_policy_document.worker.json
}

data "aws_iam_policy_document" "worker" {
  statement {
    sid = "ConsumeJobs"
    actions = [
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
    ]
    resources = [var.jobs_queue_arn]
  }

  statement {
    sid       = "SendResults"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = [var.results_queue_arn]
  }

  statement {
    sid       = "RecordCreateIntents"
    actions   = ["dynamodb:BatchWriteItem", "dynamodb:GetItem"]
    resources = [var.intents_table_arn]
  }

  statement {
    sid = "ManageSystemBuckets"
    actions = [
      "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions",
      "s3:GetBucketLocation", "s3:GetBucketTagging", "s3:PutBucketTagging",
      # CreateBucket with tags needs it: a new bucket is the system's in the creating call.
      "s3:TagResource",
      "s3:GetBucketVersioning", "s3:PutBucketVersioning",
      "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration",
      "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock",
      "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
      "s3:GetBucketNotification", "s3:PutBucketNotification",
      "s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls",
    ]
    resources = local.worker_buckets
  }

  # One ListBuckets (filtered by the system's prefix) tells the three bucket steps what exists;
  # S3 has no resource-level form of this permission.
  statement {
    sid       = "ListBucketsByPrefix"
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
  }

  statement {
    sid       = "EmptySystemBucketsOnDelete"
    actions   = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
    resources = formatlist("%s/*", local.worker_buckets)
  }

  statement {
    sid = "ManageGlueDatabasesAndCrawlers"
    actions = [
      "glue:CreateDatabase", "glue:GetDatabase", "glue:UpdateDatabase", "glue:DeleteDatabase",
      "glue:GetTables", "glue:DeleteTable", "glue:CreateCrawler", "glue:GetCrawler",
      "glue:UpdateCrawler", "glue:DeleteCrawler", "glue:StartCrawler", "glue:StopCrawler",
      "glue:TagResource", "glue:GetTags",
    ]
    resources = [
      "${local.glue_arn}:catalog",
      "${local.glue_arn}:database/${local.glue_prefix}_*",
      "${local.glue_arn}:table/${local.glue_prefix}_*/*",
      "${local.glue_arn}:crawler/${var.prefix}-*",
    ]
  }

  statement {
    sid = "ManageRawToCuratedRules"
    actions = [
      "events:PutRule", "events:DescribeRule", "events:DeleteRule", "events:PutTargets",
      "events:RemoveTargets", "events:ListTargetsByRule", "events:TagResource",
      "events:ListTagsForResource",
    ]
    resources = ["arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${var.prefix}-*"]
  }

  # DMS names its ARNs with generated ids, so ownership is proven by tag, not by name.
  statement {
    sid       = "CreateTaggedDmsResources"
    actions   = ["dms:CreateEndpoint", "dms:CreateReplicationTask", "dms:AddTagsToResource"]
    resources = ["${local.dms_arn}:endpoint:*", "${local.dms_arn}:task:*", "${local.dms_arn}:rep:*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.managed_by_tag}"
      values   = ["provisioner-worker"]
    }
  }

  statement {
    sid = "ManageOwnDmsResources"
    actions = [
      "dms:ModifyEndpoint", "dms:DeleteEndpoint", "dms:ModifyReplicationTask",
      "dms:DeleteReplicationTask", "dms:StartReplicationTask", "dms:StopReplicationTask",
      "dms:RemoveTagsFromResource",
    ]
    resources = ["${local.dms_arn}:endpoint:*", "${local.dms_arn}:task:*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.managed_by_tag}"
      values   = ["provisioner-worker"]
    }
  }

  statement {
    sid       = "FindDmsResources"
    actions   = ["dms:DescribeEndpoints", "dms:DescribeReplicationTasks", "dms:ListTagsForResource"]
    resources = ["*"]
  }

  statement {
    sid       = "PassOnlyCrawlerAndDmsRoles"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.crawler.arn, aws_iam_role.dms_target.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["glue.amazonaws.com", "dms.amazonaws.com"]
    }
  }

  statement {
    sid       = "EncryptWithPlatformKey"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }
}

# ---------------------------------------------------------------------------------------------
# Roles the worker hands over: Glue crawlers read curated buckets, DMS writes raw buckets
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "crawler" {
  name               = "${var.prefix}-glue-crawler"
  assume_role_policy = data.aws_iam_policy_document.glue_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "glue_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["glue.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "crawler_service" {
  role       = aws_iam_role.crawler.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSGlueServiceRole"
}

resource "aws_iam_role_policy" "crawler" {
  name   = "read-curated-buckets"
  role   = aws_iam_role.crawler.id
  policy = data.aws_iam_policy_document.crawler.json
}

data "aws_iam_policy_document" "crawler" {
  statement {
    sid       = "ReadCuratedData"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:${local.partition}:s3:::${var.prefix}-*-curated", "arn:${local.partition}:s3:::${var.prefix}-*-curated/*"]
  }

  statement {
    sid       = "DecryptCuratedData"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role" "dms_target" {
  name               = "${var.prefix}-dms-s3"
  assume_role_policy = data.aws_iam_policy_document.dms_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "dms_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["dms.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "dms_target" {
  name   = "write-raw-buckets"
  role   = aws_iam_role.dms_target.id
  policy = data.aws_iam_policy_document.dms_target.json
}

data "aws_iam_policy_document" "dms_target" {
  statement {
    sid       = "WriteRawData"
    actions   = ["s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging"]
    resources = ["arn:${local.partition}:s3:::${var.prefix}-*-raw/*"]
  }

  statement {
    sid       = "ListRawBuckets"
    actions   = ["s3:ListBucket"]
    resources = ["arn:${local.partition}:s3:::${var.prefix}-*-raw"]
  }

  statement {
    sid       = "EncryptRawData"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [var.kms_key_arn]
  }
}
