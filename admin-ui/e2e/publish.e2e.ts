import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ROOT } from "./stack";

const stack = inject("stack");
const DIST = join(ROOT, "admin-ui/dist");

/** The AWS CLI against the emulator, as an operator runs it against AWS. */
function aws(...args: string[]): string {
  return execFileSync("aws", args, { env: awsEnv() }).toString().trim();
}

function awsEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ENDPOINT_URL: stack.awsEndpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_REGION: "us-east-1",
  };
}

interface Head {
  CacheControl?: string;
  ContentType?: string;
}

/** The object's metadata, or null when there is no such key. */
function head(bucket: string, key: string): Head | null {
  const keys = aws("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", key, "--query", "Contents[].Key", "--output", "json");
  if (!(JSON.parse(keys) as string[] | null)?.includes(key)) {
    return null;
  }
  return JSON.parse(aws("s3api", "head-object", "--bucket", bucket, "--key", key, "--output", "json")) as Head;
}

function put(bucket: string, key: string, body: string): void {
  const file = join(mkdtempSync(join(tmpdir(), "publish-")), "body");
  writeFileSync(file, body);
  aws("s3api", "put-object", "--bucket", bucket, "--key", key, "--body", file);
}

describe("publishing the build to the console's bucket (admin-ui/scripts/publish.sh)", () => {
  it("uploads the build with its caching, removes an older build's files, keeps Terraform's config.json and clears CloudFront's cache", () => {
    const bucket = `console-${randomBytes(4).toString("hex")}`;
    const terraformConfig = JSON.stringify({ apiUrl: "https://api.example.com", auth: { mode: "cognito" } });
    aws("s3api", "create-bucket", "--bucket", bucket);
    put(bucket, "config.json", terraformConfig);
    put(bucket, "old-page.html", "an older build");
    put(bucket, "assets/index-0ld.js", "an older build");
    const distribution = aws("cloudfront", "create-distribution", "--origin-domain-name", `${bucket}.s3.amazonaws.com`, "--query", "Distribution.Id", "--output", "text");

    execFileSync(join(ROOT, "admin-ui/scripts/publish.sh"), [bucket, distribution], { env: awsEnv(), stdio: ["ignore", "pipe", "inherit"] });

    expect(head(bucket, "index.html")).toMatchObject({ CacheControl: "no-cache", ContentType: "text/html" });
    const script = readdirSync(join(DIST, "assets")).find((f) => f.endsWith(".js"))!;
    expect(head(bucket, `assets/${script}`)?.CacheControl).toBe("public, max-age=31536000, immutable");
    expect(aws("s3", "cp", `s3://${bucket}/config.json`, "-")).toBe(terraformConfig);
    expect(head(bucket, "config.example.json")).toBeNull();
    expect(head(bucket, "old-page.html")).toBeNull();
    expect(head(bucket, "assets/index-0ld.js")).toBeNull();
    const invalidations = JSON.parse(aws("cloudfront", "list-invalidations", "--distribution-id", distribution, "--output", "json"));
    expect(invalidations.InvalidationList.Items).toHaveLength(1);
    const id = invalidations.InvalidationList.Items[0].Id;
    const paths = JSON.parse(aws("cloudfront", "get-invalidation", "--distribution-id", distribution, "--id", id, "--output", "json"));
    expect(paths.Invalidation.InvalidationBatch.Paths.Items).toEqual(["/*"]);
  });
});
