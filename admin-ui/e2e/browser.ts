import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { ROOT, WORK, type Stack } from "./stack";

/** Debian's chromium; Playwright cannot download browsers here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Playwright gives each launch a fresh profile of its own (the --user-data-dir NOTES.md asks for). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A development token as scripts/run-local.sh prints it, for the console's client. */
export function token(stack: Stack, options: { subject?: string; scopes?: string; ttlSeconds?: number } = {}): string {
  return execFileSync(join(ROOT, "scripts/dev-token.sh"), ["token", stack.privateKey], {
    env: {
      ...process.env,
      DEV_TOKEN_CLIENT_ID: "platform-admin-ui",
      DEV_TOKEN_SUBJECT: options.subject ?? "e2e-admin",
      DEV_TOKEN_TTL_SECONDS: String(options.ttlSeconds ?? 3600),
      ...(options.scopes && { DEV_TOKEN_SCOPES: options.scopes }),
    },
  })
    .toString()
    .trim();
}

/** Opens the console signed in through the link run-local.sh prints (token in the fragment). */
export async function signedIn(page: Page, stack: Stack, path = "/systems", base = stack.uiUrl, subject?: string): Promise<void> {
  await page.goto(`${base}${path}#dev-token=${token(stack, { subject })}`);
}

const SHOTS = join(WORK, "screenshots");
const DOCS = join(ROOT, "docs/screenshots");

/**
 * Screenshots of the main pages, written to the build directory on every run; copied over the
 * ones in docs/ (linked from the README) only with UPDATE_SCREENSHOTS=1, so that a test run
 * leaves the working tree as it was.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, join(DOCS, `${name}.png`));
  }
}

/** The axe-core WCAG 2.1 A/AA rules that fail on the page, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`));
}

/** No sideways scrolling: the page fits the viewport's width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The emulator's S3, path-style, unsigned (moto does not check signatures). */
export async function bucket(stack: Stack, name: string, method: "HEAD" | "PUT" | "DELETE"): Promise<number> {
  return (await fetch(`${stack.awsEndpoint}/${name}`, { method })).status;
}

/** The error shown at a labelled field (what its aria-describedby points at), or "". */
export async function errorAt(page: Page, label: string): Promise<string> {
  const described = (await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(described.split(" ").map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()));
  return texts.flat().join(" ");
}
