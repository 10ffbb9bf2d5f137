import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, accessibilityViolations, bucket, horizontalOverflow, launch, screenshot, signedIn } from "./browser";

// Issue 17 through the console: the register form's plan preview (dry run) and pre-checks.
const stack = inject("stack");
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

describe("the plan preview of the register form", () => {
  for (const [width, viewport] of [["1280", DESKTOP], ["390", PHONE]] as const) {
    it(`previews the plan of a registration whose bucket name is taken, and the registration is refused with the failed check (${width} px)`, async () => {
      const name = `plan-${width}`;
      const taken = `${stack.prefix}-${name}-raw`;
      expect(await bucket(stack, taken, "PUT")).toBe(200); // in this account, not the platform's
      const page = await open(viewport);
      await signedIn(page, stack, "/systems/new");
      await page.getByLabel("System name").fill(name);

      await page.getByRole("button", { name: "Preview plan" }).click();

      const heading = page.getByRole("heading", { name: "Plan preview" });
      await heading.waitFor({ timeout: 120_000 });
      // The focus moves to the plan's heading, for keyboard and screen-reader users.
      await page.waitForFunction(() => document.activeElement?.textContent === "Plan preview");
      expect(await page.getByTestId("plan-verdict").textContent()).toContain("would be refused");
      const row = (table: string, resource: string) =>
        page
          .getByRole("table", { name: table })
          .getByRole("row")
          .filter({ has: page.locator("code").getByText(resource, { exact: true }) });
      const plan = "What the registration would do to each resource";
      expect(await row(plan, taken).textContent()).toContain("Conflict");
      expect(await row(plan, `${stack.prefix}-${name}-curated`).textContent()).toContain("Create");
      expect(await row("Checks against AWS (read calls only)", taken).first().textContent()).toContain("Failed");
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      if (width === "1280") {
        await screenshot(page, "register-plan");
      }

      await page.getByRole("button", { name: "Register system" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "The API refused the registration" });
      await summary.waitFor();
      expect(await summary.textContent()).toContain(`(${taken})`);
      expect(await summary.textContent()).toContain("Check failed");
      expect(await bucket(stack, taken, "DELETE")).toBe(204);
    });
  }
});
