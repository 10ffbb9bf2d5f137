#!/usr/bin/env bash
# Local bearer tokens for platform-api, signed RS256 with a key pair made at run time.
# No private key is ever committed: generate one, point the API at its public half, mint tokens.
#
#   scripts/dev-token.sh keygen DIR        # writes DIR/dev-private.pem and DIR/dev-public.pem
#   export PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION=file:DIR/dev-public.pem   # for the API
#   TOKEN=$(scripts/dev-token.sh token DIR/dev-private.pem)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/admin/systems
#
# The token's claims follow the API's settings, read from the same environment variables:
#   PLATFORM_API_SECURITY_ISSUER        iss        (default https://issuer.platform.local)
#   DEV_TOKEN_CLIENT_ID                 client_id  (default platform-cli)
#   DEV_TOKEN_SCOPES                    scope      (default: the read and write scopes below)
#   PLATFORM_API_SECURITY_READ_SCOPE    (default platform-api/systems.read)
#   PLATFORM_API_SECURITY_WRITE_SCOPE   (default platform-api/systems.write)
#   DEV_TOKEN_SUBJECT                   sub        (default dev-admin)
#   DEV_TOKEN_TTL_SECONDS               lifetime   (default 3600)
# The key id (kid) is the key's RFC 7638 thumbprint, which is what the API assigns a PEM key.
set -euo pipefail

die() { printf 'dev-token: %s\n' "$*" >&2; exit 1; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
hex_to_b64url() { xxd -r -p | b64url; }

keygen() {
  local dir=${1:?usage: dev-token.sh keygen DIR}
  mkdir -p "$dir"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
    -out "$dir/dev-private.pem" 2>/dev/null)
  openssl pkey -in "$dir/dev-private.pem" -pubout -out "$dir/dev-public.pem"
  printf 'PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION=file:%s\n' "$(cd "$dir" && pwd)/dev-public.pem"
}

# RFC 7638: SHA-256 over {"e":..,"kty":"RSA","n":..} with no whitespace, base64url.
thumbprint() {
  local key=$1 n e_hex
  n=$(openssl rsa -in "$key" -noout -modulus 2>/dev/null | cut -d= -f2 | hex_to_b64url)
  e_hex=$(openssl rsa -in "$key" -noout -text 2>/dev/null \
    | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-fA-F]*\)).*/\1/p')
  (( ${#e_hex} % 2 )) && e_hex="0$e_hex"
  printf '{"e":"%s","kty":"RSA","n":"%s"}' "$(printf '%s' "$e_hex" | hex_to_b64url)" "$n" \
    | openssl dgst -sha256 -binary | b64url
}

token() {
  local key=${1:?usage: dev-token.sh token PRIVATE_KEY.pem}
  [[ -r "$key" ]] || die "cannot read $key"
  local read_scope=${PLATFORM_API_SECURITY_READ_SCOPE:-platform-api/systems.read}
  local write_scope=${PLATFORM_API_SECURITY_WRITE_SCOPE:-platform-api/systems.write}
  local scopes=${DEV_TOKEN_SCOPES:-"$read_scope $write_scope"}
  local now exp header payload signature
  now=$(date +%s)
  exp=$((now + ${DEV_TOKEN_TTL_SECONDS:-3600}))
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$(thumbprint "$key")" | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","client_id":"%s","token_use":"access","scope":"%s","iat":%d,"exp":%d,"jti":"%s"}' \
    "${PLATFORM_API_SECURITY_ISSUER:-https://issuer.platform.local}" \
    "${DEV_TOKEN_SUBJECT:-dev-admin}" \
    "${DEV_TOKEN_CLIENT_ID:-platform-cli}" \
    "$scopes" "$now" "$exp" "$(openssl rand -hex 16)" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

case "${1:-}" in
  keygen) shift; keygen "$@" ;;
  token) shift; token "$@" ;;
  *) die "usage: dev-token.sh keygen DIR | token PRIVATE_KEY.pem" ;;
esac
