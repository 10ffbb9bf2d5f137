import type { Stack } from "./stack";
import { token } from "./browser";

/** Direct API calls the tests set the scene with (what curl would do). */
export async function registerViaApi(stack: Stack, name: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/admin/systems`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token(stack)}`, "Content-Type": "application/json" },
    body: JSON.stringify({ system_name: name, data_sources: ["orders"] }),
  });
  if (response.status !== 201) {
    throw new Error(`registration of ${name} answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { system_id: string }).system_id;
}

/** Waits (bounded) for the system to reach the status; the worker decides how long it takes. */
export async function awaitStatus(stack: Stack, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = "";
  while (Date.now() < deadline) {
    const response = await fetch(`${stack.apiUrl}/admin/systems/${id}`, { headers: { Authorization: `Bearer ${token(stack)}` } });
    last = ((await response.json()) as { status: string }).status;
    if (last === status) {
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`system ${id} is ${last}, not ${status}, after 120 s`);
}

/** A registration with any body, as curl would send it; answers the new system's id. */
export async function registerBody(stack: Stack, body: object): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/admin/systems`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token(stack)}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) {
    throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { system_id: string }).system_id;
}

/** A change made behind the console's back: the record's current ETag, then a merge patch. */
export async function changeViaApi(stack: Stack, id: string, patch: object): Promise<void> {
  const headers = { Authorization: `Bearer ${token(stack)}` };
  const current = await fetch(`${stack.apiUrl}/admin/systems/${id}`, { headers });
  const response = await fetch(`${stack.apiUrl}/admin/systems/${id}`, {
    method: "PATCH",
    headers: { ...headers, "Content-Type": "application/merge-patch+json", "If-Match": current.headers.get("ETag") ?? "" },
    body: JSON.stringify(patch),
  });
  if (response.status !== 202) {
    throw new Error(`change of ${id} answered ${response.status}: ${await response.text()}`);
  }
}
