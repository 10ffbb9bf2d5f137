variable "endpoint" {
  type        = string
  description = "The AWS emulator (moto_server), e.g. http://127.0.0.1:5000."
}

variable "region" {
  type        = string
  description = "Region the emulator is asked for."
  default     = "us-east-1"
}

variable "prefix" {
  type        = string
  description = "Prefix of every resource name (the services' resource prefix)."
  default     = "platform"
}

variable "stream_shard_count" {
  type        = number
  description = "Shards of the event stream (the emulator has no on-demand sizing)."
  default     = 2
}

variable "job_max_receives" {
  type        = number
  description = "Receives before a job moves to the dead-letter queue."
  default     = 5
}
