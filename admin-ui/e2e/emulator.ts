import { execFileSync } from "node:child_process";
import type { Stack } from "./stack";

// One boto3 call, as an operator would make it by hand in the console or the CLI.
const CALL = `
import boto3, json, sys
client = boto3.client(sys.argv[1], region_name="us-east-1")
answer = getattr(client, sys.argv[2])(**json.loads(sys.argv[3]))
answer.pop("ResponseMetadata", None)
print(json.dumps(answer, default=str))
`;

/** Calls the emulator's AWS API (boto3, which local/init.py uses too) and answers its JSON. */
export function aws(stack: Stack, service: string, operation: string, params: object = {}): Record<string, unknown> {
  const out = execFileSync("python3", ["-c", CALL, service, operation, JSON.stringify(params)], {
    env: { ...process.env, AWS_ENDPOINT_URL: stack.awsEndpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.toString()) as Record<string, unknown>;
}
