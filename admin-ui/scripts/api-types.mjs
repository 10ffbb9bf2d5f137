// Generates the typed client's types (src/api/schema.d.ts) from platform-api's OpenAPI document.
//
//   npm run api:generate                 # from a running API (default http://127.0.0.1:8080)
//   API_URL=http://127.0.0.1:18080 npm run api:generate
//   npm run api:check                    # exits 1 when the checked-in types differ
//
// The browser tests run the same check against the API they start, so CI fails when the API
// and the UI drift apart.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export const TYPES_FILE = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));

const HEADER =
  "// Generated from platform-api's OpenAPI document by `npm run api:generate`; do not edit.\n";

/** The TypeScript types of the document the API at apiUrl serves. */
export async function typesFrom(apiUrl) {
  const response = await fetch(`${apiUrl.replace(/\/+$/, "")}/v3/api-docs`);
  if (!response.ok) {
    throw new Error(`GET ${apiUrl}/v3/api-docs answered ${response.status}`);
  }
  const document = await response.json();
  delete document.servers; // where this instance runs; not part of the contract
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

/** null when the checked-in types are those of the API at apiUrl, else an explanation. */
export async function drift(apiUrl) {
  const expected = await typesFrom(apiUrl);
  const actual = await readFile(TYPES_FILE, "utf8").catch(() => "");
  if (expected === actual) {
    return null;
  }
  const a = actual.split("\n");
  const e = expected.split("\n");
  const line = e.findIndex((l, i) => l !== a[i]);
  return (
    `src/api/schema.d.ts is not what ${apiUrl}/v3/api-docs yields (first difference at line ` +
    `${line + 1}: expected "${e[line]?.trim()}", found "${a[line]?.trim()}"); ` +
    "run `npm run api:generate` against the API and commit the result"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apiUrl = process.env.API_URL ?? "http://127.0.0.1:8080";
  if (process.argv[2] === "--check") {
    const problem = await drift(apiUrl);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    console.log(`src/api/schema.d.ts matches ${apiUrl}`);
  } else {
    await writeFile(TYPES_FILE, await typesFrom(apiUrl));
    console.log(`wrote ${TYPES_FILE} from ${apiUrl}`);
  }
}
