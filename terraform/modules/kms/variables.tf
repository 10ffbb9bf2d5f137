variable "name" {
  type        = string
  description = "Name of the key; its alias becomes alias/<name>."
}

variable "deletion_window_in_days" {
  type        = number
  description = "Waiting period before a scheduled key deletion takes effect."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
