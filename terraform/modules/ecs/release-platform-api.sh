#!/usr/bin/env bash
# Run by terraform apply (terraform_data.api_release) when platform-api's task definition
# changes: starts a CodeDeploy blue/green deployment of the new revision and waits for it.
# Needs the AWS CLI v2. Reads CLUSTER, SERVICE, APPLICATION, DEPLOYMENT_GROUP, TASK_DEFINITION,
# APPSPEC and AWS_REGION from the environment.
set -euo pipefail

current=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
  --query 'services[0].taskDefinition' --output text)
if [[ "$current" == "$TASK_DEFINITION" ]]; then
  echo "platform-api already runs $TASK_DEFINITION; no deployment needed"
  exit 0
fi

revision=$(jq -cn --arg content "$APPSPEC" \
  '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
id=$(aws deploy create-deployment --application-name "$APPLICATION" \
  --deployment-group-name "$DEPLOYMENT_GROUP" --revision "$revision" \
  --description "terraform apply: $TASK_DEFINITION" --query deploymentId --output text)
echo "CodeDeploy deployment $id: $current -> $TASK_DEFINITION"

# Polls every 15 s for up to an hour (the canary interval plus the bake time fit in it).
for _ in $(seq 1 240); do
  status=$(aws deploy get-deployment --deployment-id "$id" \
    --query deploymentInfo.status --output text)
  case "$status" in
    Succeeded) echo "deployment $id succeeded"; exit 0 ;;
    Failed | Stopped)
      aws deploy get-deployment --deployment-id "$id" --query deploymentInfo.errorInformation
      echo "deployment $id $status: CodeDeploy rolled production back to $current" >&2
      exit 1 ;;
  esac
  sleep 15
done
echo "deployment $id still running after an hour; follow it with aws deploy get-deployment" >&2
exit 1
