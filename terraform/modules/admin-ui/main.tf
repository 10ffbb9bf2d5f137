# ---------------------------------------------------------------------------------------------
# The console's files: a private bucket that only this module's CloudFront distribution reads
# (origin access control), encrypted with a key of its own whose policy lets that distribution
# decrypt, TLS only. The build (admin-ui/dist) is uploaded by admin-ui/scripts/publish.sh;
# config.json is written here, at apply, from the platform's outputs.
# ---------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  host       = trimprefix(var.url, "https://")

  # The paths the console handles (src/auth/cognito.ts, main.tsx); the Cognito client must list
  # exactly these, and config.json names them.
  callback_urls = ["${var.url}/auth/callback", "${var.url}/auth/popup-callback"]
  logout_urls   = ["${var.url}/"]

  # The runtime configuration (docs/admin-ui.md). Always Cognito: the development sign-in has
  # no place in AWS (the console refuses it off loopback anyway).
  config = jsonencode({
    apiUrl         = var.api_url
    resourcePrefix = var.resource_prefix
    auth = {
      mode                  = "cognito"
      authority             = var.cognito_issuer
      clientId              = var.cognito_client_id
      scopes                = join(" ", var.scopes)
      logoutUrl             = "${var.cognito_hosted_ui_url}/logout"
      redirectUri           = local.callback_urls[0]
      popupRedirectUri      = local.callback_urls[1]
      postLogoutRedirectUri = local.logout_urls[0]
    }
  })
}

resource "aws_s3_bucket" "console" {
  bucket        = "${var.prefix}-admin-ui-${local.account_id}"
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "console" {
  bucket                  = aws_s3_bucket.console.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "console" {
  bucket = aws_s3_bucket.console.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "console" {
  bucket = aws_s3_bucket.console.id

  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.console.arn
    }
  }
}

# An upload replaces the files; the previous versions stay for a while, so a bad upload can be
# undone by restoring them.
resource "aws_s3_bucket_versioning" "console" {
  bucket = aws_s3_bucket.console.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "console" {
  bucket = aws_s3_bucket.console.id

  rule {
    id     = "expire-old-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.console]
}

resource "aws_s3_bucket_policy" "console" {
  bucket = aws_s3_bucket.console.id
  policy = data.aws_iam_policy_document.bucket.json

  depends_on = [aws_s3_bucket_public_access_block.console]
}

data "aws_iam_policy_document" "bucket" {
  # Only GetObject, no ListBucket: a missing file answers 403, which the distribution turns into
  # index.html (SPA fallback) instead of listing the bucket.
  statement {
    sid       = "CloudFrontReadsThroughOriginAccessControl"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.console.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.console.arn]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.console.arn, "${aws_s3_bucket.console.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_kms_key" "console" {
  description             = "${var.prefix}: the admin console's files"
  enable_key_rotation     = true
  deletion_window_in_days = var.key_deletion_window_days
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "console" {
  name          = "alias/${var.prefix}-admin-ui"
  target_key_id = aws_kms_key.console.key_id
}

data "aws_iam_policy_document" "key" {
  # Lets IAM policies in this account grant use of the key (uploads, Terraform's config.json).
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # Origin access control signs CloudFront's reads; SSE-KMS objects also need the key.
  statement {
    sid       = "CloudFrontDecryptsTheConsoleFiles"
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.console.arn]
    }
  }
}

# Written at deploy time from the platform's outputs, never part of the build: the same build
# runs in every environment. publish.sh leaves this object alone.
resource "aws_s3_object" "config" {
  bucket                 = aws_s3_bucket.console.id
  key                    = "config.json"
  content                = local.config
  content_type           = "application/json"
  cache_control          = "no-cache"
  server_side_encryption = "aws:kms"
  kms_key_id             = aws_kms_key.console.arn
  tags                   = var.tags

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.console]
}
