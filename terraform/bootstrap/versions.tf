terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0" # .terraform.lock.hcl pins the exact release (5.100.0)
    }
  }

  # Runs once per account with local state. Afterwards its state may move into the bucket it
  # created: uncomment, fill in, and run terraform init -migrate-state.
  # backend "s3" {
  #   bucket       = "acme-platform-terraform-state-111111111111"
  #   key          = "bootstrap/terraform.tfstate"
  #   region       = "eu-west-1"
  #   encrypt      = true
  #   kms_key_id   = "alias/terraform-state"
  #   use_lockfile = true
  # }
}
