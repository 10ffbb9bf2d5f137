#!/bin/sh
# Writes the console's runtime config from the environment when the container starts.
set -eu
out=/usr/share/nginx/html/config.json
if [ "${ADMIN_UI_AUTH_MODE}" = "cognito" ]; then
  auth=$(printf '{"mode":"cognito","authority":"%s","clientId":"%s","scopes":"%s","logoutUrl":"%s"}' \
    "${ADMIN_UI_COGNITO_AUTHORITY:?}" "${ADMIN_UI_COGNITO_CLIENT_ID:?}" "${ADMIN_UI_COGNITO_SCOPES:?}" "${ADMIN_UI_COGNITO_LOGOUT_URL:-}")
else
  auth='{"mode":"development"}'
fi
printf '{"apiUrl":"%s","resourcePrefix":"%s","auth":%s}\n' "${ADMIN_UI_API_URL}" "${ADMIN_UI_RESOURCE_PREFIX}" "$auth" > "$out"
echo "admin-ui: wrote $out"
