# ---------------------------------------------------------------------------------------------
# CloudFront in front of the bucket: HTTPS on the console's own host name, the SPA fallback to
# index.html, caching that follows the files' Cache-Control, and the security headers.
# ---------------------------------------------------------------------------------------------

locals {
  origin_id   = "console-bucket"
  api_origin  = regex("^https://[^/]+", var.api_url)
  idp_origin  = regex("^https://[^/]+", var.cognito_issuer)
  auth_origin = regex("^https://[^/]+", var.cognito_hosted_ui_url)

  # The console may connect to itself (config.json), the API and Cognito only: the issuer serves
  # the OIDC discovery and keys, the hosted UI the token endpoint. The other directives are those
  # scripts/serve.mjs sets, under which the browser tests run the same build.
  content_security_policy = join("; ", [
    "default-src 'self'",
    "connect-src 'self' ${local.api_origin} ${local.idp_origin} ${local.auth_origin}",
    "img-src 'self' data:",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ])
}

resource "aws_cloudfront_origin_access_control" "console" {
  name                              = "${var.prefix}-admin-ui"
  description                       = "CloudFront signs its reads of the admin console bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# Follows the Cache-Control publish.sh sets: hashed assets for a year, index.html and
# config.json revalidated on every request. Nothing of the request reaches the cache key.
resource "aws_cloudfront_cache_policy" "console" {
  name        = "${var.prefix}-admin-ui"
  comment     = "Admin console: the files' own Cache-Control"
  min_ttl     = 0
  default_ttl = 300
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.prefix}-admin-ui-security"
  comment = "Admin console: CSP to the API and Cognito only, HSTS, no framing"

  security_headers_config {
    content_security_policy {
      content_security_policy = local.content_security_policy
      override                = true
    }
    strict_transport_security {
      access_control_max_age_sec = var.hsts_max_age_seconds
      include_subdomains         = true
      preload                    = false
      override                   = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    content_type_options {
      override = true
    }
    referrer_policy {
      referrer_policy = "no-referrer"
      override        = true
    }
    # "0": the legacy filter is off, as current browsers and OWASP advise (the CSP protects).
    xss_protection {
      protection = false
      override   = true
    }
  }

  custom_headers_config {
    items {
      header   = "Permissions-Policy"
      value    = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
      override = true
    }
  }

  # S3's own headers would tell every visitor the key's ARN and the object versions.
  remove_headers_config {
    items {
      header = "x-amz-server-side-encryption"
    }
    items {
      header = "x-amz-server-side-encryption-aws-kms-key-id"
    }
    items {
      header = "x-amz-server-side-encryption-bucket-key-enabled"
    }
    items {
      header = "x-amz-version-id"
    }
  }
}

resource "aws_cloudfront_distribution" "console" {
  enabled             = true
  comment             = "${var.prefix} admin console"
  aliases             = [local.host]
  default_root_object = "index.html"
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  price_class         = var.price_class
  web_acl_id          = var.web_acl_arn
  tags                = var.tags

  origin {
    origin_id                = local.origin_id
    domain_name              = aws_s3_bucket.console.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.console.id
  }

  default_cache_behavior {
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.console.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
  }

  # SPA fallback: a path that is no file (S3 answers 403 without ListBucket, 404 with it) gets
  # index.html with 200, and the console's router resolves the path.
  custom_error_response {
    error_code            = 403
    response_code         = 200
    response_page_path    = "/index.html"
    error_caching_min_ttl = 0
  }

  custom_error_response {
    error_code            = 404
    response_code         = 200
    response_page_path    = "/index.html"
    error_caching_min_ttl = 0
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_route53_record" "console" {
  for_each = var.route53_zone_id == null ? toset([]) : toset(["A", "AAAA"])
  zone_id  = var.route53_zone_id
  name     = local.host
  type     = each.key

  alias {
    name                   = aws_cloudfront_distribution.console.domain_name
    zone_id                = aws_cloudfront_distribution.console.hosted_zone_id
    evaluate_target_health = false
  }
}
