terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Any 5.100+ or 6.x release; .terraform.lock.hcl pins the exact one (5.100.0).
      version = ">= 5.100, < 7.0"
    }
  }

  # State lives in S3 with S3-native locking (Terraform 1.10+). Create the bucket first (see
  # docs/deploy.md, "Bootstrap the state"), then uncomment and run terraform init.
  # backend "s3" {
  #   bucket       = "acme-platform-terraform-state-111111111111"
  #   key          = "platform/dev/terraform.tfstate"
  #   region       = "eu-west-1"
  #   encrypt      = true
  #   kms_key_id   = "alias/terraform-state"
  #   use_lockfile = true
  # }
}
