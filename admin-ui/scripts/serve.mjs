// Serves the built console (dist/) with its runtime config, an SPA fallback to index.html and
// the security headers a deployment sets too. Used by scripts/run-local.sh and the browser tests.
//
//   node scripts/serve.mjs --port 5173 --config /path/to/config.json
//
// config.json is read from --config on every request, so it can change without a rebuild.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export async function serve({ port, host = "127.0.0.1", configFile, root }) {
  const dist = resolve(root ?? fileURLToPath(new URL("../dist", import.meta.url)));
  const config = JSON.parse(await readFile(configFile, "utf8"));
  // The directives terraform/modules/admin-ui sets on CloudFront: the console connects to itself,
  // the API, and Cognito's issuer (discovery, keys) and hosted UI (token endpoint) only.
  const connect = ["'self'", new URL(config.apiUrl).origin];
  if (config.auth?.authority) connect.push(new URL(config.auth.authority).origin);
  if (config.auth?.logoutUrl) connect.push(new URL(config.auth.logoutUrl).origin);
  const headers = {
    "Content-Security-Policy": `default-src 'self'; connect-src ${connect.join(" ")}; img-src 'self' data:; style-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      if (path === "/config.json") {
        res.writeHead(200, { ...headers, "Content-Type": TYPES[".json"], "Cache-Control": "no-store" });
        res.end(await readFile(configFile));
        return;
      }
      let file = normalize(join(dist, path));
      if (!file.startsWith(dist) || !(await isFile(file))) {
        file = join(dist, "index.html"); // SPA fallback: the router resolves the path
      }
      const cache = file.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": cache });
      res.end(await readFile(file));
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  return server;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "5173" }, config: { type: "string" }, host: { type: "string", default: "127.0.0.1" } } });
  if (!values.config) {
    console.error("usage: node scripts/serve.mjs --port PORT --config CONFIG.json");
    process.exit(2);
  }
  await serve({ port: Number(values.port), host: values.host, configFile: values.config });
  console.log(`admin-ui on http://${values.host}:${values.port}`);
}
