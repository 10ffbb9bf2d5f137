terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is the oldest release these modules are validated with (the filesystem mirror).
      version = ">= 5.100, < 7.0"
    }
  }
}
