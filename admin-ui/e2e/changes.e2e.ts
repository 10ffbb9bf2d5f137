import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, accessibilityViolations, errorAt, launch, screenshot, signedIn } from "./browser";
import { awaitStatus, changeViaApi, registerBody } from "./api";
import { aws } from "./emulator";

// Day-2 changes through the console (issue 15) against the running stack.
const stack = inject("stack");
const CONVERGED = 120_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Page> {
  return (await browser.newContext({ viewport: DESKTOP })).newPage();
}

async function activeSystem(name: string, body: object = {}): Promise<string> {
  const id = await registerBody(stack, { system_name: name, data_sources: ["orders"], ...body });
  await awaitStatus(stack, id, "active");
  return id;
}

async function openEdit(id: string, name: string): Promise<Page> {
  const page = await open();
  await signedIn(page, stack, `/systems/${id}`);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await page.getByRole("button", { name: "Edit…" }).click();
  await page.getByRole("heading", { name: "Change the configuration" }).waitFor();
  return page;
}

async function addEndpoint(page: Page, n: number, path: string, method = "GET"): Promise<void> {
  await page.getByRole("button", { name: "Add an endpoint" }).click();
  await page.getByLabel(`Endpoint ${n} path`).fill(path);
  await page.getByLabel(`Endpoint ${n} method`).selectOption(method);
}

describe("changing a system through the console", () => {
  it("edits a system: it is updating, then active with the new configuration, and the timeline shows the diff", async () => {
    const name = "edit-forecast";
    const id = await activeSystem(name);
    const page = await openEdit(id, name);
    expect(await page.getByLabel("System name").getAttribute("readonly")).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Change the configuration");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Description (optional)").fill("Forecasts demand, now with a route");
    await addEndpoint(page, 1, `/${name}/orders`);
    await page.getByLabel("Memory (MiB)").fill("1024");
    await screenshot(page, "system-edit");
    await page.getByRole("button", { name: "Save the change" }).click();

    await page.getByText(`${name} is now Updating`).waitFor({ state: "attached" });
    await page.getByText("Step 3 of 3: Active with the new configuration").waitFor({ timeout: CONVERGED });
    expect(await page.locator(".page-head .badge").textContent()).toBe("Active");
    const registration = await page.getByRole("region", { name: "Registration" }).textContent();
    expect(registration).toContain(`GET /${name}/orders`);
    expect(registration).toContain("1024 MiB");
    const diff = page.getByRole("table", { name: /What the change of .* changes/ });
    const rows = (await diff.getByRole("row").allTextContents()).slice(1);
    expect(rows).toEqual([
      "descriptionnoneForecasts demand, now with a route",
      `endpointsnoneGET /${name}/orders`,
      "lambda_config.memorynone1024",
    ]);
    const routes = aws(stack, "apigatewayv2", "get_routes", { ApiId: stack.apiId }).Items as Array<{ RouteKey: string }>;
    expect(routes.map((r) => r.RouteKey)).toContain(`GET /${name}/orders`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("tells the admin when someone else changed the system first (412) and keeps the admin's edits", async () => {
    const name = "edit-race";
    const id = await activeSystem(name);
    const page = await openEdit(id, name);
    await page.getByLabel("Memory (MiB)").fill("2048");

    await changeViaApi(stack, id, { description: "Changed by someone else" });
    await page.getByRole("button", { name: "Save the change" }).click();

    const notice = page.getByRole("alert").filter({ hasText: "Someone else changed this system first" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Description: now “Changed by someone else”");
    expect(await page.getByLabel("Memory (MiB)").inputValue()).toBe("2048");
    expect(await page.getByLabel("Description (optional)").inputValue()).toBe("Changed by someone else");
    expect(await page.getByRole("region", { name: "Registration" }).textContent()).toContain("Changed by someone else");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Their change is still converging: Save waits until the page has followed it to active.
    await awaitStatus(stack, id, "active");
    await page.getByRole("button", { name: "Save the change" }).click();
    await page.getByRole("heading", { name: "Change the configuration" }).waitFor({ state: "detached" });
    const registration = page.getByRole("region", { name: "Registration" });
    await registration.getByText("2048 MiB").waitFor({ timeout: CONVERGED });
    expect(await registration.textContent()).toContain("Changed by someone else");
    await awaitStatus(stack, id, "active");
  });

  it("shows a route another system owns at the endpoint (409 route-taken) and a bad value at its field (400)", async () => {
    const owner = await activeSystem("route-owner", { endpoints: [{ path: "/route-owner/orders", method: "POST" }] });
    const name = "route-taker";
    const id = await activeSystem(name);
    const page = await openEdit(id, name);

    await addEndpoint(page, 1, "/route-owner/orders", "POST");
    await page.getByRole("button", { name: "Save the change" }).click();
    await page.getByText("The API refused the change").waitFor();
    expect(await errorAt(page, "Endpoint 1 path")).toContain(`the route POST /route-owner/orders belongs to system ${owner}`);

    await page.getByLabel("Endpoint 1 path").fill("/route-taker/orders");
    await page.getByLabel("Description (optional)").fill("x".repeat(1025));
    await page.getByRole("button", { name: "Save the change" }).click();
    expect(await errorAt(page, "Description (optional)")).toContain("1024");
  });

  it("shows a change that failed in AWS with its reason, and a retry after the cause is gone makes it active", async () => {
    const name = "edit-blocked";
    const id = await activeSystem(name);
    const blocked = `/${name}/blocked`;
    // Somebody else's route of that key: the worker refuses to take it over, so the change fails.
    const foreign = aws(stack, "apigatewayv2", "create_route", { ApiId: stack.apiId, RouteKey: `GET ${blocked}` }).RouteId as string;
    const page = await openEdit(id, name);
    await addEndpoint(page, 1, blocked);
    await page.getByRole("button", { name: "Save the change" }).click();

    await page.getByText("Step 3 of 3: Update failed").waitFor({ timeout: CONVERGED });
    expect(await page.locator(".page-head .badge").textContent()).toBe("Update failed");
    expect(await page.getByRole("alert").first().textContent()).toContain(`GET ${blocked}`);
    await screenshot(page, "system-update-failed");

    aws(stack, "apigatewayv2", "delete_route", { ApiId: stack.apiId, RouteId: foreign });
    await page.getByRole("button", { name: "Retry" }).click();
    await page.getByText("Step 3 of 3: Active with the new configuration").waitFor({ timeout: CONVERGED });
    expect(await page.getByRole("region", { name: "Registration" }).textContent()).toContain(`GET ${blocked}`);
  });
});
