import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, accessibilityViolations, horizontalOverflow, launch, signedIn, token } from "./browser";
import { awaitStatus } from "./api";

// Issue 17 through the console: a system's own drift policy (reconcile_policy), set in the
// register form, shown on the system's page and set back to the platform default by an edit.
const stack = inject("stack");
const CONVERGED = 120_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function open(viewport = DESKTOP): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

/** The record as the API stores it, read behind the console's back. */
async function record(id: string): Promise<{ status: string; generation: number; reconcile_policy: string | null }> {
  const response = await fetch(`${stack.apiUrl}/admin/systems/${id}`, { headers: { Authorization: `Bearer ${token(stack)}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; generation: number; reconcile_policy: string | null };
}

describe("the drift policy through the console", () => {
  it("registers a system that repairs automatically, shows it on its page, and edits it back to the platform default", async () => {
    const name = "policy-repair";
    const page = await open();
    await signedIn(page, stack, "/systems/new");
    await page.getByLabel("System name").fill(name);
    const group = page.getByRole("group", { name: "Drift policy" });
    expect(await page.getByLabel("Platform default").isChecked()).toBe(true);
    // Keyboard: arrows move through the radio group, as in any native one.
    await page.getByLabel("Platform default").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("Repair automatically").isChecked()).toBe(true);
    expect(await group.getByText("re-creates missing ones", { exact: false }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Preview plan" }).click();
    await page.getByRole("heading", { name: "Plan preview" }).waitFor({ timeout: CONVERGED });
    expect(await page.getByTestId("plan-policy").textContent()).toBe("Drift policy: Repair automatically.");

    await page.getByRole("button", { name: "Register system" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: CONVERGED });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const shown = page.getByTestId("reconcile-policy");
    expect(await shown.textContent()).toBe("Repair automatically (this system's own setting)");
    expect((await record(id)).reconcile_policy).toBe("repair");

    // An edit needs an active system; the page follows it there.
    await awaitStatus(stack, id, "active");
    await page.locator(".page-head .badge").getByText("Active", { exact: true }).waitFor({ timeout: CONVERGED });
    const before = await record(id);
    await page.getByRole("button", { name: "Edit…" }).click();
    await page.getByRole("heading", { name: "Change the configuration" }).waitFor();
    expect(await page.getByLabel("Repair automatically").isChecked()).toBe(true);
    await page.getByLabel("Platform default").check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save the change" }).click();

    await page.getByRole("heading", { name: "Change the configuration" }).waitFor({ state: "detached" });
    await shown.getByText("Platform default", { exact: false }).waitFor();
    expect(await shown.textContent()).toBe("Platform default (the platform's PLATFORM_API_RECONCILE_POLICY applies)");
    const after = await record(id);
    expect(after.reconcile_policy).toBeNull();
    // A policy-only change touches no resource: no job, the same generation, still active.
    expect(after.status).toBe("active");
    expect(after.generation).toBe(before.generation);
    await page.getByRole("region", { name: "Timeline" }).getByText("Drift policy changed").waitFor();
  });

  it("fits the drift policy into the register form at 390 px", async () => {
    const page = await open(PHONE);
    await signedIn(page, stack, "/systems/new");
    await page.getByLabel("Report only").check();
    expect(await page.getByLabel("Report only").isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
