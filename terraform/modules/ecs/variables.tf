variable "prefix" {
  type        = string
  description = "Name prefix of the cluster, services, load balancer and log groups."
}

variable "vpc_id" {
  type        = string
  description = "VPC the tasks and the load balancer live in."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the tasks and the internal load balancer."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key encrypting the log groups."
}

variable "services" {
  type = map(object({
    image         = string
    cpu           = number
    memory        = number
    port          = number
    desired_count = number
    environment   = map(string)
    secrets       = map(string)
  }))
  description = "The three services by name (platform-api, provisioner-worker, enrichment-consumer): image, Fargate size, port, initial count, environment and secrets (name to Secrets Manager or SSM ARN)."

  validation {
    condition     = length(setsubtract(["platform-api", "provisioner-worker", "enrichment-consumer"], keys(var.services))) == 0
    error_message = "services must hold platform-api, provisioner-worker and enrichment-consumer."
  }
}

variable "execution_role_arns" {
  type        = map(string)
  description = "Execution role of each service, by service name."
}

variable "task_role_arns" {
  type        = map(string)
  description = "Task role of each service, by service name."
}

variable "codedeploy_role_arn" {
  type        = string
  description = "Role CodeDeploy uses to run platform-api's blue/green deployments (AWSCodeDeployRoleForECS)."
}

variable "test_traffic_hook_role_arn" {
  type        = string
  description = "Role of the AfterAllowTestTraffic hook function (VPC access, its log group, PutLifecycleEventHookExecutionStatus)."
}

variable "database_security_group_id" {
  type        = string
  description = "Security group of the database; platform-api's tasks get ingress on 5432."
}

variable "database_port" {
  type        = number
  description = "Port of the database."
  default     = 5432
}

variable "dms_source_network" {
  type = object({
    cidr = string
    port = number
  })
  description = "Where the DMS source database is reached (network and port); platform-api's tasks get egress there for the data_sources pre-check. null: the platform does not replicate."
  default     = null
}

variable "cpu_architecture" {
  type        = string
  description = "CPU architecture the images are built for: X86_64, or ARM64 (Graviton, about 20 % cheaper) when every image is built for linux/arm64."
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "Use X86_64 or ARM64."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the services' log groups."
  default     = 30
}

variable "stop_timeout_seconds" {
  type        = number
  description = "Seconds ECS waits after SIGTERM before SIGKILL; longer than the apps' 30 s graceful shutdown."
  default     = 45
}

variable "production_listener_port" {
  type        = number
  description = "Load balancer port for production traffic (from API Gateway's VPC link)."
  default     = 80
}

variable "test_listener_port" {
  type        = number
  description = "Load balancer port that reaches the green revision during a blue/green deployment."
  default     = 8080
}

variable "bake_time_minutes" {
  type        = number
  description = "Minutes blue stays ready for an instant rollback after production traffic moved to green."
  default     = 10
}

variable "canary_percent" {
  type        = number
  description = "Share of production traffic green gets first, during the canary interval."
  default     = 10
}

variable "canary_interval_minutes" {
  type        = number
  description = "Minutes green serves the canary share before it takes all production traffic."
  default     = 5
}

variable "release_on_apply" {
  type        = bool
  description = "Let terraform apply start (and wait for) the CodeDeploy deployment when platform-api's task definition changes; needs the AWS CLI and jq where terraform runs. Off: start it yourself with the api_appspec output."
  default     = true
}

variable "metrics_collector_image" {
  type        = string
  description = "Image of the metrics sidecar (AWS Distro for OpenTelemetry collector) in every task."
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace the sidecars publish the services' metrics in (dimension service)."
}

variable "metrics_scrape_interval_seconds" {
  type        = number
  description = "How often the sidecar scrapes /actuator/prometheus."
  default     = 60
}

variable "exported_metrics" {
  type        = map(list(string))
  description = "Per service, regular expressions of the Prometheus metric names the sidecar publishes to CloudWatch (each published metric costs money)."
}

variable "labelled_metrics" {
  type = map(list(object({
    dimensions            = list(list(string))
    metric_name_selectors = list(string)
  })))
  description = "Per service, further metric declarations of the sidecar for metrics whose Prometheus labels become CloudWatch dimensions besides service (a gauge per status): each with its dimension sets and its name selectors."
  default     = {}
}

variable "deployment_5xx_threshold" {
  type        = number
  description = "Target 5xx responses per minute that roll a blue/green deployment back (two minutes in a row)."
  default     = 10
}

variable "api_min_count" {
  type        = number
  description = "Fewest platform-api tasks."
  default     = 2
}

variable "api_max_count" {
  type        = number
  description = "Most platform-api tasks."
  default     = 6
}

variable "api_cpu_target_percent" {
  type        = number
  description = "Average CPU platform-api is scaled to hold."
  default     = 60
}

variable "worker_min_count" {
  type        = number
  description = "Fewest provisioner-worker tasks."
  default     = 1
}

variable "worker_max_count" {
  type        = number
  description = "Most provisioner-worker tasks."
  default     = 4
}

variable "worker_backlog_per_task" {
  type        = number
  description = "Visible jobs per worker task the worker is scaled to hold."
  default     = 10
}

variable "jobs_queue_name" {
  type        = string
  description = "Jobs queue whose depth scales the worker."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
