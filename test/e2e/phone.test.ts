// Phone calls end to end, in real Chromium against the real `palier serve`: an agent logs an
// incoming call from the new-ticket screen and lands on its phone ticket, then logs the call back
// from the ticket; both calls are on the ticket, the timeline says so, and the social view opens.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const AGENT = "sanne.devos@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";
const NUMBER = `+3247${String(Date.now()).slice(-7)}`;

const suite = browserAvailable() ? describe : describe.skip;

suite("phone calls in the browser app", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let number = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, SUITE_START_MS);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  });

  it("logs an incoming call as a new phone ticket from the new-ticket screen", async () => {
    await signInAs(page, server.baseUrl, AGENT, DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/tickets/new`);
    await page.getByText("Log a call as a new ticket").click();
    const form = page.getByRole("form", { name: "Log a call as a new ticket" });
    await form.getByLabel("Phone number").fill(NUMBER);
    await form.getByLabel("Duration (minutes)").fill("3");
    await form.getByLabel("Notes").fill("Facture de novembre reçue deux fois");
    await form.getByRole("button", { name: "Log the call" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    number = Number(page.url().split("/").at(-1));
    await page.getByText("Facture de novembre reçue deux fois").first().waitFor();
    const calls = await apiFromPage<{ items: { direction: string; number: string; durationSeconds: number }[] }>(page, "GET", `/tickets/${number}/calls`);
    expect(calls.items).toEqual([expect.objectContaining({ direction: "in", number: NUMBER, durationSeconds: 180 })]);
    const ticket = await apiFromPage<{ channel: string }>(page, "GET", `/tickets/${number}`);
    expect(ticket.channel).toBe("phone");
    await page.screenshot({ path: `${ARTIFACTS}phone-01-new-ticket-from-call.png` });
  }, 60_000);

  it("logs the call back on the ticket, shown in its timeline", async () => {
    await page.getByRole("button", { name: "Log a call", exact: true }).click();
    const form = page.getByRole("form", { name: "Log a call", exact: true });
    await form.getByLabel("Outgoing").check();
    await form.getByLabel("Phone number").fill(NUMBER);
    await form.getByLabel("Duration (minutes)").fill("2");
    await form.getByLabel("Notes").fill("Rappelée : avoir émis");
    await form.getByRole("button", { name: "Log the call" }).click();
    await page
      .getByText(/Outgoing call \+3247\d+ · 2 min 0 s · answered/)
      .first()
      .waitFor();
    const calls = await apiFromPage<{ items: { direction: string }[] }>(page, "GET", `/tickets/${number}/calls`);
    expect(calls.items.map((call) => call.direction)).toEqual(["in", "out"]);
    await page.screenshot({ path: `${ARTIFACTS}phone-02-call-back-logged.png` });
  }, 60_000);

  it("opens the social view", async () => {
    await page.getByRole("link", { name: "Social" }).click();
    await page.getByRole("heading", { level: 1, name: "Social messages" }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}social-01-view.png` });
  }, 60_000);
});
