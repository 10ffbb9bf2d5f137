#!/usr/bin/env bash
# Publishes the built console (admin-ui/dist) to the bucket terraform/modules/admin-ui made and
# clears CloudFront's cache. config.json belongs to Terraform (written at apply from the
# platform's outputs): it is never uploaded, overwritten or deleted here.
#
#   cd terraform/environments/dev
#   ../../../admin-ui/scripts/publish.sh "$(terraform output -raw admin_ui_bucket)" \
#     "$(terraform output -raw admin_ui_distribution_id)"
#
# Needs the AWS CLI (v1 or v2) with credentials that may write the bucket and use its KMS key.
# ADMIN_UI_DIST overrides the directory (default: admin-ui/dist, made by npm run build).
set -euo pipefail

usage="usage: publish.sh BUCKET DISTRIBUTION_ID"
bucket=${1:?$usage}
distribution=${2:?$usage}
dist=${ADMIN_UI_DIST:-$(cd "$(dirname "$0")/.." && pwd)/dist}
if [[ ! -f "$dist/index.html" ]]; then
  echo "publish: $dist/index.html is missing: run npm ci && npm run build in admin-ui first" >&2
  exit 1
fi

# Never Terraform's config.json, nor the development example public/ puts into the build.
keep=(--exclude config.json --exclude config.example.json)
immutable="public, max-age=31536000, immutable"

# 1. The hashed assets first (a name never changes its content), so that no index.html is ever
#    served that names a file not yet uploaded.
aws s3 sync "$dist/assets" "s3://$bucket/assets" --cache-control "$immutable" --no-progress
# 2. index.html and the other unhashed files, revalidated on every request; files of an older
#    build that this one no longer has are removed (config.json excepted).
aws s3 sync "$dist" "s3://$bucket" --exclude "assets/*" "${keep[@]}" \
  --cache-control "no-cache" --delete --no-progress
# 3. Assets only older builds named. Pages already open keep what they loaded.
aws s3 sync "$dist/assets" "s3://$bucket/assets" --cache-control "$immutable" --delete --no-progress
# 4. The edges serve the new index.html from the next request on.
invalidation=$(aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" \
  --query Invalidation.Id --output text)
echo "publish: $dist -> s3://$bucket, CloudFront invalidation $invalidation"
echo "publish: follow it with: aws cloudfront wait invalidation-completed --distribution-id $distribution --id $invalidation"
