import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, accessibilityViolations, launch, screenshot, signedIn } from "./browser";
import { awaitStatus, registerBody } from "./api";
import { aws } from "./emulator";

// Issue 17 through the console: drift shown on the system's page, checked and repaired.
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

describe("drift in the console", () => {
  it("shows a bucket's suspended versioning as drift after Check now, and a repair brings it back in sync", async () => {
    const name = "drift-demo";
    const id = await registerBody(stack, { system_name: name });
    await awaitStatus(stack, id, "active");
    const raw = `${stack.prefix}-${name}-raw`;
    const page = await open();
    await signedIn(page, stack, `/systems/${id}`);
    const section = page.getByRole("region", { name: "Drift" });
    await section.waitFor();

    // By hand, as someone in the AWS console would.
    aws(stack, "s3", "put_bucket_versioning", { Bucket: raw, VersioningConfiguration: { Status: "Suspended" } });
    await section.getByRole("button", { name: "Check now" }).click();

    await section.locator(".section-head .badge", { hasText: "Drifted" }).waitFor({ timeout: CONVERGED });
    const table = section.getByRole("table", { name: `Differences of S3 bucket ${raw}` });
    const rows = (await table.getByRole("row").allTextContents()).slice(1);
    expect(rows.some((r) => /versioning/i.test(r) && r.includes("Enabled") && r.includes("Suspended"))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "system-drift");

    // The list's filter finds it.
    const list = await open();
    await signedIn(list, stack, "/systems?drifted=true");
    await list.getByRole("link", { name }).waitFor();

    await section.getByRole("button", { name: "Repair…" }).click();
    const dialog = page.getByRole("dialog", { name: `Repair ${name}?` });
    expect(await dialog.textContent()).toContain(raw);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Repair the resources" }).click();

    await section.locator(".section-head .badge", { hasText: "In sync" }).waitFor({ timeout: CONVERGED });
    expect(aws(stack, "s3", "get_bucket_versioning", { Bucket: raw }).Status).toBe("Enabled");
    await page.getByRole("region", { name: "Timeline" }).getByText("Drift repaired").waitFor({ timeout: CONVERGED });
  });

});
