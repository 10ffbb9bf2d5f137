terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.4 added ECS native blue/green; 6.11 made deployment_configuration computed.
      version = ">= 6.11, < 7.0"
    }
  }
}
