import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { drift } from "../scripts/api-types.mjs";
import { DESKTOP, PHONE, accessibilityViolations, bucket, errorAt, horizontalOverflow, launch, screenshot, signedIn, token } from "./browser";
import { awaitStatus, registerViaApi } from "./api";
import { aws } from "./emulator";

const stack = inject("stack");
const PROVISIONED = 120_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function open(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function fillRegistration(page: Page, name: string): Promise<void> {
  await page.getByLabel("System name").fill(name);
  await page.getByLabel("Description (optional)").fill("Forecasts store demand from orders");
  await page.getByRole("button", { name: "Add a table" }).click();
  await page.getByLabel("Table 1", { exact: true }).fill("orders");
  await page.getByRole("button", { name: "Add a table" }).click();
  await page.getByLabel("Table 2", { exact: true }).fill("stores");
  await page.getByRole("button", { name: "Add an endpoint" }).click();
  await page.getByLabel("Endpoint 1 path").fill("/forecast");
  await page.getByLabel("Endpoint 1 method").selectOption("POST");
  await page.getByLabel("Memory (MiB)").fill("1024");
  await page.getByLabel("Timeout (seconds)").fill("60");
  await page.getByLabel("Runtime").selectOption("python3.12");
}

describe("the admin console against the running stack", () => {
  it("uses a client generated from the document the running API serves", async () => {
    expect(await drift(stack.apiUrl)).toBeNull();
  });

  it("registers a system through the form and follows it until it is active with its resources", async () => {
    const page = await open();
    await signedIn(page, stack, "/systems/new");
    await fillRegistration(page, "demand-forecast");
    await screenshot(page, "register");

    await page.getByRole("button", { name: "Register system" }).click();

    await page.getByRole("heading", { level: 1, name: "demand-forecast" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("demand-forecast");
    await page.getByText("Step 3 of 3: Active").waitFor({ timeout: PROVISIONED });
    const rows = page.getByRole("table", { name: "What the last job did to each resource" }).getByRole("row");
    await rows.nth(6).waitFor();
    const cells = (await rows.allTextContents()).slice(1);
    cells.forEach((row) => expect(row).toContain("succeeded"));
    const p = `${stack.prefix}-demand-forecast`;
    for (const name of [`${p}-raw`, `${p}-curated`, `${p}-prod`, `${p.replace(/-/g, "_")}_db`, `${p}-crawler`, `${p}-raw-to-curated`]) {
      expect(cells.some((row) => row.includes(name))).toBe(true);
    }
    expect(await bucket(stack, `${stack.prefix}-demand-forecast-raw`, "HEAD")).toBe(200);
    await screenshot(page, "system-detail");
  });

  it("shows a bad name at the field, the console's own check first and then the API's message", async () => {
    const page = await open();
    await signedIn(page, stack, "/systems/new");
    await page.getByLabel("System name").fill("Bad_Name");
    await page.getByRole("button", { name: "Register system" }).click();
    expect(await errorAt(page, "System name")).toContain("Use lowercase letters, digits and hyphens");

    // A console whose config names a shorter prefix than the API's lets the name through; the
    // API's refusal is then what the admin sees, at the field.
    const stale = await open();
    await signedIn(stale, stack, "/systems/new", stack.staleUiUrl);
    await stale.getByLabel("System name").fill("a".repeat(45));
    await stale.getByRole("button", { name: "Register system" }).click();
    await stale.getByText("The API refused the registration").waitFor();
    expect(await errorAt(stale, "System name")).toMatch(/is too long: resource name .* would exceed 63 characters/);

    await registerViaApi(stack, "taken-name");
    await page.getByLabel("System name").fill("taken-name");
    await page.getByRole("button", { name: "Register system" }).click();
    await page.getByText("The API refused the registration").waitFor();
    expect(await errorAt(page, "System name")).toContain("A system named taken-name already exists");
  });

  it("shows why a system failed, and a retry after the cause is gone makes it active", async () => {
    // A foreign bucket of the name is now refused at registration by the pre-checks (issue 17;
    // see plan.e2e.ts); the function's log group is not pre-checked, and the worker still refuses
    // to adopt one that is not the platform's.
    const name = "copilot";
    const foreign = `/aws/lambda/${stack.prefix}-${name}-handler`;
    aws(stack, "logs", "create_log_group", { logGroupName: foreign });
    const page = await open();
    await signedIn(page, stack, "/systems/new");
    await page.getByLabel("System name").fill(name);
    await page.getByRole("button", { name: "Register system" }).click();

    await page.getByText("Step 3 of 3: Provisioning failed").waitFor({ timeout: PROVISIONED });
    const reason = await page.getByRole("alert").first().textContent();
    expect(reason).toContain(foreign);
    await screenshot(page, "system-failed");

    aws(stack, "logs", "delete_log_group", { logGroupName: foreign });
    await page.getByRole("button", { name: "Retry" }).click();

    await page.getByText("Step 3 of 3: Active").waitFor({ timeout: PROVISIONED });
    expect(await page.locator(".page-head .badge").textContent()).toBe("Active");
  });

  it("deletes a system with its data only after the name is typed", async () => {
    const id = await registerViaApi(stack, "retail-copilot");
    await awaitStatus(stack, id, "active");
    const raw = `${stack.prefix}-retail-copilot-raw`;
    const page = await open();
    await signedIn(page, stack, `/systems/${id}`);

    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete retail-copilot?" });
    await dialog.getByLabel("Delete the data buckets and all their objects").check();
    const confirm = dialog.getByRole("button", { name: "Delete the system and its data" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type retail-copilot to confirm that its data is deleted").fill("retail-copilot");
    await confirm.click();

    await page.getByText("Step 3 of 3: Deleted").waitFor({ timeout: PROVISIONED });
    expect(await page.locator(".page-head .badge").textContent()).toBe("Deleted");
    expect(await bucket(stack, raw, "HEAD")).toBe(404);
  });

  it("shows refused requests in the audit log, filtered by subject", async () => {
    const reader = token(stack, { subject: "e2e-reader", scopes: "platform-api/systems.read" });
    const refused = await fetch(`${stack.apiUrl}/admin/systems`, {
      method: "POST",
      headers: { Authorization: `Bearer ${reader}`, "Content-Type": "application/json" },
      body: JSON.stringify({ system_name: "not-allowed" }),
    });
    expect(refused.status).toBe(403);
    expect((await fetch(`${stack.apiUrl}/admin/systems`)).status).toBe(401);
    const page = await open();
    await signedIn(page, stack, "/audit");

    await page.getByText("no valid token").first().waitFor();
    await page.getByLabel("Subject").fill("e2e-reader");
    await page.getByRole("button", { name: "Apply filters" }).click();

    await page.waitForURL(/subject=e2e-reader/);
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
    const row = await page.locator("tbody tr").textContent();
    expect(row).toContain("e2e-reader");
    expect(row).toContain("POST /admin/systems");
    expect(row).toContain("403 refused");
    await page.getByLabel("Subject").fill("");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("no valid token").first().waitFor();
    await screenshot(page, "audit", false);
  });

  it("asks to sign in again when the token expires, without losing the form", async () => {
    const page = await open();
    await page.clock.install();
    await signedIn(page, stack, "/systems/new");
    await page.getByLabel("System name").fill("expiry-check");
    await page.clock.fastForward("02:00:00");

    await page.getByRole("button", { name: "Register system" }).click();
    const dialog = page.getByRole("dialog", { name: "Your session has expired" });
    await dialog.waitFor();
    expect(await page.getByLabel("System name").inputValue()).toBe("expiry-check");
    await dialog.getByLabel("Development access token").fill(token(stack, { ttlSeconds: 4 * 3600 }));
    await dialog.getByRole("button", { name: "Sign in again" }).click();

    await page.getByRole("heading", { level: 1, name: "expiry-check" }).waitFor();
  });

  it("shows who is signed in, signs out, and signs in with a pasted development token", async () => {
    const page = await open();
    await signedIn(page, stack, "/systems", stack.uiUrl, "alice-admin");
    expect(await page.getByTestId("subject").textContent()).toBe("alice-admin");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to the platform admin console" }).waitFor();
    expect(await page.getByText("Development only.").count()).toBe(1);
    await page.getByLabel("Development access token").fill(token(stack, { subject: "bob-admin" }));
    await page.getByRole("button", { name: "Sign in" }).click();

    expect(await page.getByTestId("subject").textContent()).toBe("bob-admin");
  });

  it("is usable from the keyboard: skip link, navigation, focus on each new page's heading", async () => {
    const page = await open();
    await signedIn(page, stack, "/systems");
    await page.getByRole("heading", { level: 1, name: "Systems" }).waitFor();
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);
    expect(await focused()).toBe("H1 Systems");

    // As after a fresh load with the focus at the top of the document:
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute("tabindex");
    });
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("A Skip to content");
    await page.keyboard.press("Enter");
    expect(await focused()).toMatch(/^MAIN /);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("A Register a system");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { level: 1, name: "Register a system" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName + " " + document.activeElement?.textContent)).toBe("H1 Register a system");
  });

  it("moves the focus to the next system's heading when one system's page follows another's", async () => {
    await registerViaApi(stack, "focus-first");
    const second = await registerViaApi(stack, "focus-second");
    const page = await open();
    await signedIn(page, stack, "/systems");
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);
    const main = () => page.locator("main").textContent();

    await page.getByRole("link", { name: "focus-first" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "focus-first" }).waitFor();
    expect(await focused()).toBe("H1 focus-first");

    // A link from one system's page to another's, as the router follows it (the same page
    // component stays mounted; only the id in the path changes).
    await page.evaluate((path) => {
      history.pushState({ usr: null, key: "next", idx: (history.state?.idx ?? 0) + 1 }, "", path);
      dispatchEvent(new PopStateEvent("popstate", { state: history.state }));
    }, `/systems/${second}`);
    await page.getByRole("heading", { level: 1, name: "focus-second" }).waitFor();
    expect(await focused()).toBe("H1 focus-second");
    expect(await main()).not.toContain("focus-first");

    // The browser's Back and Forward between the two pages.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "focus-first" }).waitFor();
    expect(await focused()).toBe("H1 focus-first");
    expect(await main()).not.toContain("focus-second");
    await page.goForward();
    await page.getByRole("heading", { level: 1, name: "focus-second" }).waitFor();
    expect(await focused()).toBe("H1 focus-second");
    expect(page.url()).toContain(second);
  });

  for (const [width, viewport] of [["1280", DESKTOP], ["390", PHONE]] as const) {
    it(`passes the axe checks on every main page at ${width} px and fits its width`, async () => {
      const id = await registerViaApi(stack, `axe-${width}`);
      await awaitStatus(stack, id, "active");
      const page = await open(viewport);
      const failures: string[] = [];
      for (const [path, heading] of [
        ["/systems", "Systems"],
        ["/systems/new", "Register a system"],
        [`/systems/${id}`, `axe-${width}`],
        ["/audit", "Audit log"],
      ] as const) {
        await signedIn(page, stack, path);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await page.waitForLoadState("networkidle");
        failures.push(...(await accessibilityViolations(page)).map((v) => `${path}: ${v}`));
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) {
          failures.push(`${path}: ${overflow} px wider than the ${width} px viewport`);
        }
      }
      await signedIn(page, stack, "/systems");
      await page.getByRole("heading", { level: 1, name: "Systems" }).waitFor();
      await page.getByRole("row").nth(1).waitFor();
      await screenshot(page, width === "390" ? "systems-390" : "systems");

      expect(failures).toEqual([]);
    });
  }
});
