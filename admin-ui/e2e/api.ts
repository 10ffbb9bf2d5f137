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
