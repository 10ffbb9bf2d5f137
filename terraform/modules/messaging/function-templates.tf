# ---------------------------------------------------------------------------------------------
# Code templates of the systems' Lambda functions, one zip per runtime family (issue 15): the
# worker's PLATFORM_WORKER_FUNCTIONS_TEMPLATES_* name objects in this bucket.
# ---------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "function_templates" {
  bucket = "${var.prefix}-function-templates-${local.account_id}"
  tags   = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "function_templates" {
  bucket = aws_s3_bucket.function_templates.id

  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "function_templates" {
  bucket                  = aws_s3_bucket.function_templates.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "function_templates" {
  bucket = aws_s3_bucket.function_templates.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_ownership_controls" "function_templates" {
  bucket = aws_s3_bucket.function_templates.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "function_templates" {
  bucket = aws_s3_bucket.function_templates.id
  policy = data.aws_iam_policy_document.function_templates.json

  depends_on = [aws_s3_bucket_public_access_block.function_templates]
}

data "aws_iam_policy_document" "function_templates" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.function_templates.arn, "${aws_s3_bucket.function_templates.arn}/*"]
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

output "function_templates_bucket" {
  description = "Bucket of the systems' function code templates (PLATFORM_WORKER_FUNCTIONS_TEMPLATES_*: s3://<bucket>/<key>)."
  # The configured name, not id: known at plan time, so the worker's policy that names it is too.
  value = aws_s3_bucket.function_templates.bucket
}
