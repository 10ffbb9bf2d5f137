# ---------------------------------------------------------------------------------------------
# DMS for per-system replication: the platform's replication instance (private, KMS-encrypted)
# and the source endpoint of the operational database, whose credentials DMS reads from a
# Secrets Manager secret the operator keeps (never a variable). provisioner-worker adds each
# system's S3 target endpoint and replication task on top of these two.
# ---------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
}

# DMS manages the instance's network interfaces through a role with exactly this name, once per
# account; leave create_vpc_role off where another stack already made it.
resource "aws_iam_role" "dms_vpc" {
  count              = var.create_vpc_role ? 1 : 0
  name               = "dms-vpc-role"
  assume_role_policy = data.aws_iam_policy_document.dms_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "dms_vpc" {
  count      = var.create_vpc_role ? 1 : 0
  role       = aws_iam_role.dms_vpc[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonDMSVPCManagementRole"
}

data "aws_iam_policy_document" "dms_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["dms.amazonaws.com", "dms.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_dms_replication_subnet_group" "this" {
  replication_subnet_group_id          = var.name
  replication_subnet_group_description = "${var.name}: per-system replication"
  subnet_ids                           = var.subnet_ids
  tags                                 = var.tags

  depends_on = [aws_iam_role_policy_attachment.dms_vpc]
}

resource "aws_security_group" "replication" {
  name        = var.name
  description = "DMS replication instance: out to the source database and AWS APIs only"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_egress_rule" "to_source" {
  security_group_id = aws_security_group.replication.id
  cidr_ipv4         = var.source_cidr
  ip_protocol       = "tcp"
  from_port         = var.source_database.port
  to_port           = var.source_database.port
  description       = "the operational database"
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.replication.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "S3, Secrets Manager and KMS (endpoints or NAT)"
}

resource "aws_dms_replication_instance" "this" {
  replication_instance_id     = var.name
  replication_instance_class  = var.instance_class
  allocated_storage           = var.allocated_storage
  engine_version              = var.engine_version
  multi_az                    = var.multi_az
  publicly_accessible         = false
  kms_key_arn                 = var.kms_key_arn
  replication_subnet_group_id = aws_dms_replication_subnet_group.this.id
  vpc_security_group_ids      = [aws_security_group.replication.id]
  auto_minor_version_upgrade  = true
  apply_immediately           = false
  tags                        = var.tags
}

# The source endpoint reads user and password from the secret at connection time, through this
# role, so a rotation of the source credentials needs no change here.
resource "aws_iam_role" "source_secret" {
  name               = "${var.name}-source-secret"
  assume_role_policy = data.aws_iam_policy_document.dms_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "source_secret" {
  name   = "read-source-credentials"
  role   = aws_iam_role.source_secret.id
  policy = data.aws_iam_policy_document.source_secret.json
}

data "aws_iam_policy_document" "source_secret" {
  statement {
    sid       = "ReadSourceCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.source_database.secret_arn]
  }

  statement {
    sid       = "DecryptSourceCredentials"
    actions   = ["kms:Decrypt"]
    resources = [var.source_secret_kms_key_arn == null ? var.kms_key_arn : var.source_secret_kms_key_arn]
  }
}

resource "aws_dms_endpoint" "source" {
  endpoint_id                     = var.source_endpoint_id == null ? "${var.name}-source" : var.source_endpoint_id
  endpoint_type                   = "source"
  engine_name                     = var.source_database.engine
  database_name                   = var.source_database.database_name
  secrets_manager_arn             = var.source_database.secret_arn
  secrets_manager_access_role_arn = aws_iam_role.source_secret.arn
  ssl_mode                        = var.source_ssl_mode
  kms_key_arn                     = var.kms_key_arn
  tags                            = var.tags

  depends_on = [aws_iam_role_policy.source_secret]
}
