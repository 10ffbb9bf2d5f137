// The real stack for the browser tests: platform-api and provisioner-worker from their jars
// against the PostgreSQL and moto_server that scripts/test.sh started (PLATFORM_TEST_*), the
// emulator's resources made by local/init.py under a prefix of this run's own, a development key
// pair made now, and the built console served with its runtime config.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { serve } from "../scripts/serve.mjs";

export const ROOT = resolve(import.meta.dirname, "../..");
export const WORK = resolve(import.meta.dirname, "../target/browser-tests");
const VERSION = "0.1.0-SNAPSHOT";

export interface Stack {
  apiUrl: string;
  uiUrl: string;
  /** A second console whose config.json names a shorter prefix than the API's, as a stale one would. */
  staleUiUrl: string;
  awsEndpoint: string;
  prefix: string;
  privateKey: string;
  /** The platform's HTTP API in the emulator, where the systems' routes are. */
  apiId: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: Stack;
  }
}

const children: ChildProcess[] = [];
const servers: Array<{ close: () => void }> = [];

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests through scripts/test.sh (it starts PostgreSQL and moto_server)`);
  }
  return value;
}

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  await new Promise((ok) => server.close(ok));
  return typeof address === "object" && address ? address.port : 0;
}

function createDatabase(name: string): string {
  const jdbc = required("PLATFORM_TEST_JDBC_URL");
  const match = /^jdbc:postgresql:\/\/([^:/]+):(\d+)\//.exec(jdbc);
  if (!match) {
    throw new Error(`cannot read host and port from ${jdbc}`);
  }
  const user = process.env.PLATFORM_TEST_DB_USER || "postgres";
  execFileSync("psql", ["-q", "-h", match[1]!, "-p", match[2]!, "-U", user, "-c", `CREATE DATABASE ${name}`], {
    env: { ...process.env, PGPASSWORD: process.env.PLATFORM_TEST_DB_PASSWORD ?? "" },
  });
  return `jdbc:postgresql://${match[1]}:${match[2]}/${name}`;
}

function initEmulator(prefix: string, aws: string): Record<string, string> {
  const out = execFileSync("python3", [join(ROOT, "local/init.py")], {
    env: { ...process.env, AWS_ENDPOINT_URL: aws, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", PLATFORM_PREFIX: prefix },
    stdio: ["ignore", "pipe", "inherit"],
  }).toString();
  return Object.fromEntries(out.split("\n").filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}

function startJar(module: string, port: number, env: Record<string, string>): void {
  const jar = join(ROOT, module, "target", `${module}-${VERSION}.jar`);
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing: build it first (./mvnw package)`);
  }
  const log = createWriteStream(join(WORK, `${module}.log`));
  const base = { ...process.env };
  delete base.AWS_ENDPOINT_URL; // the SDK would pick it up by itself
  const child = spawn("java", ["-XX:TieredStopAtLevel=1", "-Daws.cborEnabled=false", "-jar", jar], {
    env: { ...base, ...env, SERVER_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.push(child);
}

async function awaitReady(name: string, url: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/actuator/health/readiness`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (children.some((c) => c.exitCode !== null)) {
      throw new Error(`${name} exited; see ${WORK}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} not ready after 300 s; see ${WORK}`);
}

export default async function setup(project: TestProject) {
  try {
    project.provide("stack", await start());
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

async function start(): Promise<Stack> {
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(join(ROOT, "admin-ui/dist/index.html"))) {
    throw new Error("admin-ui/dist is missing: run npm run build first");
  }
  const aws = required("PLATFORM_TEST_AWS_ENDPOINT");
  const prefix = `ui${randomBytes(3).toString("hex")}`;
  const jdbc = createDatabase(prefix);
  const outputs = initEmulator(prefix, aws);
  const keys = join(WORK, `keys-${prefix}`);
  execFileSync(join(ROOT, "scripts/dev-token.sh"), ["keygen", keys]);
  const [apiPort, workerPort, uiPort, stalePort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const uiUrl = `http://127.0.0.1:${uiPort}`;
  const staleUiUrl = `http://127.0.0.1:${stalePort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const awsEnv = {
    SPRING_CLOUD_AWS_ENDPOINT: aws,
    SPRING_CLOUD_AWS_REGION_STATIC: "us-east-1",
    SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY: "test",
    SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY: "test",
    SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED: "true",
    AWS_CBOR_ENABLED: "false",
  };
  startJar("platform-api", apiPort, {
    ...awsEnv,
    SPRING_DATASOURCE_URL: jdbc,
    SPRING_DATASOURCE_USERNAME: process.env.PLATFORM_TEST_DB_USER || "postgres",
    SPRING_DATASOURCE_PASSWORD: process.env.PLATFORM_TEST_DB_PASSWORD ?? "",
    PLATFORM_API_RESOURCE_PREFIX: prefix,
    PLATFORM_API_JOBS_QUEUE: `${prefix}-provisioning-jobs.fifo`,
    PLATFORM_API_JOBS_DLQ: `${prefix}-provisioning-jobs-dlq.fifo`,
    PLATFORM_API_RESULTS_QUEUE: `${prefix}-provisioning-results`,
    PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION: `file:${keys}/dev-public.pem`,
    PLATFORM_API_CORS_ALLOWED_ORIGINS: `${uiUrl},${staleUiUrl}`,
    // The pre-checks look where the worker provisions (routes, DMS), as in a deployment.
    ...Object.fromEntries(Object.entries(outputs).filter(([k]) => k.startsWith("PLATFORM_API_PRECHECKS_"))),
    // No test may depend on how fast a loaded emulator answers the pre-checks' read calls.
    PLATFORM_API_PRECHECKS_TIMEOUT: "60s",
  });
  startJar("provisioner-worker", workerPort, {
    ...awsEnv,
    ...Object.fromEntries(Object.entries(outputs).filter(([k]) => k.startsWith("PLATFORM_WORKER_"))),
    PLATFORM_WORKER_RESOURCE_PREFIX: prefix,
    PLATFORM_WORKER_JOBS_QUEUE: `${prefix}-provisioning-jobs.fifo`,
    PLATFORM_WORKER_RESULTS_QUEUE: `${prefix}-provisioning-results`,
    PLATFORM_WORKER_POLL_TIMEOUT: "1s",
    PLATFORM_WORKER_RETRY_BASE_DELAY: "1s",
  });
  const config = (resourcePrefix: string) => ({ apiUrl, resourcePrefix, auth: { mode: "development" } });
  writeFileSync(join(WORK, "config.json"), JSON.stringify(config(prefix)));
  writeFileSync(join(WORK, "config-stale.json"), JSON.stringify(config("p")));
  servers.push(await serve({ port: uiPort, configFile: join(WORK, "config.json") }));
  servers.push(await serve({ port: stalePort, configFile: join(WORK, "config-stale.json") }));
  await awaitReady("platform-api", apiUrl);
  await awaitReady("provisioner-worker", `http://127.0.0.1:${workerPort}`);
  return { apiUrl, uiUrl, staleUiUrl, awsEndpoint: aws, prefix, privateKey: `${keys}/dev-private.pem`, apiId: outputs.PLATFORM_WORKER_API_ID ?? "" };
}

/** Stops exactly what start started: SIGTERM (graceful shutdown), SIGKILL after 45 s. */
async function stop(): Promise<void> {
  servers.forEach((s) => s.close());
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) {
              return done();
            }
            const force = setTimeout(() => child.kill("SIGKILL"), 45_000);
            child.once("exit", () => {
              clearTimeout(force);
              done();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
}
