locals {
  example_service = {
    image         = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/example/service:0.1.0"
    cpu           = 256
    memory        = 512
    desired_count = 1
    environment   = { SERVER_PORT = "8080" }
    secrets       = {}
  }
}

module "ecs" {
  source             = "../modules/ecs"
  prefix             = "example"
  vpc_id             = "vpc-0example"
  private_subnet_ids = ["subnet-0a", "subnet-0b"]
  kms_key_arn        = "arn:aws:kms:eu-west-1:111111111111:key/example"
  services = {
    "platform-api"        = merge(local.example_service, { port = 8080 })
    "provisioner-worker"  = merge(local.example_service, { port = 8081 })
    "enrichment-consumer" = merge(local.example_service, { port = 8082 })
  }
  execution_role_arns = {
    "platform-api"        = "arn:aws:iam::111111111111:role/example-platform-api-execution"
    "provisioner-worker"  = "arn:aws:iam::111111111111:role/example-provisioner-worker-execution"
    "enrichment-consumer" = "arn:aws:iam::111111111111:role/example-enrichment-consumer-execution"
  }
  task_role_arns = {
    "platform-api"        = "arn:aws:iam::111111111111:role/example-platform-api-task"
    "provisioner-worker"  = "arn:aws:iam::111111111111:role/example-provisioner-worker-task"
    "enrichment-consumer" = "arn:aws:iam::111111111111:role/example-enrichment-consumer-task"
  }
  codedeploy_role_arn        = "arn:aws:iam::111111111111:role/example-codedeploy"
  test_traffic_hook_role_arn = "arn:aws:iam::111111111111:role/example-api-test-traffic-hook"
  database_security_group_id = "sg-0database"
  jobs_queue_name            = "example-provisioning-jobs.fifo"
  metrics_namespace          = "Platform/example"
  exported_metrics = {
    "platform-api"        = ["^platform_outbox_incomplete$"]
    "provisioner-worker"  = ["^platform_worker_jobs_seconds_count$"]
    "enrichment-consumer" = ["^enrichment_millis_behind_latest_milliseconds$"]
  }
  labelled_metrics = {
    "platform-api" = [{ dimensions = [["service", "status"]], metric_name_selectors = ["^platform_systems_drift$"] }]
  }
}
