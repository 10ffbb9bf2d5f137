output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  description = "Private subnets (one per zone) for tasks, the internal load balancer and the database."
  value       = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  description = "Public subnets, holding only the NAT gateways."
  value       = aws_subnet.public[*].id
}

output "nat_public_ips" {
  description = "Public addresses the tasks' outbound traffic leaves from."
  value       = aws_eip.nat[*].public_ip
}
