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

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error("no Chromium");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
