// Finds the Chromium the end-to-end tests drive (Debian's, or CHROMIUM_PATH) and launches it
// headless. No browser: in CI a loud failure, elsewhere a skipped suite with the reason.

import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** The browser's path, or null when there is none. */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(path) ? path : null;
}

/**
 * Whether the suite can run. In CI a missing browser throws (the run must not pass without its
 * end-to-end tests); elsewhere it says why the suite is skipped.
 */
export function browserAvailable(): boolean {
  if (chromiumPath() !== null) return true;
  const where = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (isCi()) {
    throw new Error(`end-to-end tests: no Chromium at ${where}. CI must run them: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  console.warn(`\n[e2e] skipped: no Chromium at ${where} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
  return false;
}

let shared: Promise<Browser> | undefined;

/**
 * The worker's browser: launched by the first suite that asks, then shared by the suites that run
 * after it in the same worker (a launch costs about two seconds of CPU). Each suite works in
 * contexts of its own and gives the browser back with {@link releaseBrowser}; the browser ends
 * with the worker.
 */
export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error("no Chromium");
  shared ??= chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }).then((browser) => {
    browser.on("disconnected", () => (shared = undefined));
    return browser;
  });
  const launching = shared;
  launching.catch(() => {
    if (shared === launching) shared = undefined;
  });
  return launching;
}

/** Closes the contexts a suite opened, leaving the browser to the next suite of the worker. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close()));
}
