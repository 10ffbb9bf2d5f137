# One example root over every module (a file each): validated by terraform-checks
# (TerraformValidateTests), never applied. One root loads the provider once, not once per module.
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}
