# ---------------------------------------------------------------------------------------------
# Queues, the event stream, DynamoDB tables, the data bucket and Firehose: everything the three
# services exchange data through. Names follow the services' defaults under the prefix.
# ---------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
  # The KCL application name is also the name of its lease table.
  enrichment_application = "${var.prefix}-enrichment"

  delivery_streams = {
    enriched = {
      name   = "${var.prefix}-enriched-events"
      prefix = "enriched"
    }
    errors = {
      name   = "${var.prefix}-enrichment-errors"
      prefix = "errors"
    }
  }
}

# ---------------------------------------------------------------------------------------------
# SQS: provisioning jobs (FIFO, ordered per system) and results, each with a dead-letter queue
# ---------------------------------------------------------------------------------------------

resource "aws_sqs_queue" "jobs_dlq" {
  name                              = "${var.prefix}-provisioning-jobs-dlq.fifo"
  fifo_queue                        = true
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_sqs_queue" "jobs" {
  name       = "${var.prefix}-provisioning-jobs.fifo"
  fifo_queue = true
  # platform-api sets a MessageDeduplicationId (the job id) on every job.
  content_based_deduplication       = false
  deduplication_scope               = "messageGroup"
  fifo_throughput_limit             = "perMessageGroupId"
  visibility_timeout_seconds        = var.jobs_visibility_timeout_seconds
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags
}

resource "aws_sqs_queue" "results_dlq" {
  name                              = "${var.prefix}-provisioning-results-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_sqs_queue" "results" {
  name                              = "${var.prefix}-provisioning-results"
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.results_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags
}

# ---------------------------------------------------------------------------------------------
# The target of every system's raw-to-curated EventBridge rule: a queue the curation jobs read
# ---------------------------------------------------------------------------------------------

resource "aws_sqs_queue" "raw_to_curated_dlq" {
  name                              = "${var.prefix}-raw-to-curated-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_sqs_queue" "raw_to_curated" {
  name                              = "${var.prefix}-raw-to-curated"
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.raw_to_curated_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags
}

resource "aws_sqs_queue_policy" "raw_to_curated" {
  queue_url = aws_sqs_queue.raw_to_curated.id
  policy    = data.aws_iam_policy_document.raw_to_curated.json
}

data "aws_iam_policy_document" "raw_to_curated" {
  statement {
    sid       = "RawToCuratedRulesDeliver"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.raw_to_curated.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${var.prefix}-*-raw-to-curated"]
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Kinesis event stream (on-demand) and DynamoDB tables
# ---------------------------------------------------------------------------------------------

resource "aws_kinesis_stream" "events" {
  name             = "${var.prefix}-events"
  retention_period = var.kinesis_retention_hours
  shard_count      = var.stream_shard_count
  encryption_type  = "KMS"
  kms_key_id       = var.kms_key_arn
  tags             = var.tags

  stream_mode_details {
    stream_mode = var.stream_shard_count == null ? "ON_DEMAND" : "PROVISIONED"
  }
}

resource "aws_dynamodb_table" "reference" {
  name                        = "${var.prefix}-product-reference"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "productId"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "productId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

# provisioner-worker records a bucket it is about to create here first (docs/provisioning.md,
# "Ownership and intents"); records expire through the TTL attribute.
resource "aws_dynamodb_table" "intents" {
  name                        = "${var.prefix}-provisioning-intents"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "resource"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "resource"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

# KCL 3.x would create these on first start; creating them here keeps CreateTable out of the
# consumer's role and puts them under our encryption and protection settings.
resource "aws_dynamodb_table" "kcl_leases" {
  name                        = local.enrichment_application
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "leaseKey"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "leaseKey"
    type = "S"
  }

  attribute {
    name = "leaseOwner"
    type = "S"
  }

  global_secondary_index {
    name            = "LeaseOwnerToLeaseKeyIndex"
    hash_key        = "leaseOwner"
    range_key       = "leaseKey"
    projection_type = "KEYS_ONLY"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "kcl_coordinator_state" {
  name                        = "${local.enrichment_application}-CoordinatorState"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "key"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "key"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "kcl_worker_metrics" {
  name                        = "${local.enrichment_application}-WorkerMetricStats"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "wid"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "wid"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}
