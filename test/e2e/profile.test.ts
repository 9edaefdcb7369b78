// A person's profile end to end, in real Chromium against `palier serve` on a manual clock: a
// French-speaking agent signs in from an English browser and the app speaks French; she chooses
// Dutch and a time zone in her profile menu, and the app, a field error and the next notification
// an escalation sends her are in Dutch. Screenshots go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 900 };
const RUN = `profile${Date.now().toString(36)}`;
// A Tuesday morning in Brussels: the step fires within working hours, so nothing is held.
const CLOCK_START = "2026-11-24T09:00:00+01:00";
const AGENT = "lea.martin@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";

const suite = browserAvailable() ? describe : describe.skip;

suite("a person's profile", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Page;
  const shot = (target: Page, name: string) => target.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ PALIER_CLOCK: "manual", PALIER_CLOCK_START: CLOCK_START }), launchBrowser()]);
    const adminContext = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    adminContext.setDefaultTimeout(20_000);
    admin = await adminContext.newPage();
    await signInAs(admin, server.baseUrl, server.email, server.password);
    context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("speaks the profile's language once signed in, whatever the browser's", async () => {
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    await page.getByLabel("E-mail").fill(AGENT);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
  }, 60_000);

  it("saves Dutch and a time zone from the profile menu, and the app follows", async () => {
    await page.getByTestId("profile").click();
    const form = page.getByTestId("profile-form");
    await form.waitFor();
    await shot(page, "profile-01-menu-french-laptop");
    await page.getByTestId("profile-language").selectOption("nl");
    await page.getByTestId("profile-zone").selectOption("Europe/Amsterdam");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("button", { name: "Afmelden" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    const me = await apiFromPage<{ principal: { locale: string; timeZone: string } }>(page, "GET", "/auth/me");
    expect(me.principal).toMatchObject({ locale: "nl", timeZone: "Europe/Amsterdam" });
    // A reload reads the profile again, not the browser's language.
    await page.reload();
    await page.getByRole("button", { name: "Afmelden" }).waitFor();
    await page.getByTestId("profile").click();
    expect(await page.getByTestId("profile-zone").inputValue()).toBe("Europe/Amsterdam");
    await shot(page, "profile-02-menu-dutch-laptop");
    await page.keyboard.press("Escape");
  }, 60_000);

  it("tells a field error in the profile's language", async () => {
    const answer = await page.evaluate(async () => {
      const me = (await (await fetch("/api/v1/auth/me")).json()) as { csrfToken: string };
      const response = await fetch("/api/v1/auth/me", {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken },
        body: JSON.stringify({ timeZone: "Europe/Atlantis" }),
      });
      return (await response.json()) as { error: { details: { code: string; label: string; message: string }[] } };
    });
    expect(answer.error.details[0]).toMatchObject({ code: "unknown_time_zone", label: "Tijdzone" });
    expect(answer.error.details[0]?.message).toContain("is geen tijdzone");
  }, 30_000);

  it("sends the next notification in Dutch", async () => {
    const agents = await apiFromPage<{ items: { id: string; email: string }[] }>(admin, "GET", "/agents?limit=100");
    const lea = agents.items.find((agent) => agent.email === AGENT);
    expect(lea).toBeTruthy();
    const minutes = { first_response: 60, resolution: 480 };
    await apiFromPage(admin, "POST", "/sla-policies", {
      name: `Profile ${RUN}`,
      conditions: { all: [{ field: "tags", op: "in", value: [RUN] }] },
      calendarId: null,
      targets: { low: minutes, normal: minutes, high: minutes, urgent: minutes },
      matrix: {
        steps: [{ id: "l1", kind: "level", level: 1, offsetMinutes: 0, clock: "wall", targets: ["first_response"], recipients: [{ kind: "assignee" }] }],
      },
    });
    const created = await apiFromPage<{ ticket: { number: number } }>(admin, "POST", "/tickets", {
      subject: `Factuur niet gevonden ${RUN}`,
      channel: "phone",
      requester: { email: `${RUN}@example.be`, name: "Jan Peeters", language: "nl" },
      priority: "normal",
      tags: [RUN],
      assigneeId: lea?.id,
      message: { kind: "customer", text: "Ik vind mijn factuur van maart niet." },
    });
    const number = created.ticket.number;
    await apiFromPage(admin, "POST", "/test/clock", { advance: "PT2H" });
    const bell = page.getByTestId("bell");
    const item = page.locator(`.bell-list a[href="/tickets/${number}"]`).first();
    await expect
      .poll(
        async () => {
          if (!(await page.locator(".bell-panel").isVisible())) await bell.click();
          return item.count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expect(item.textContent()).resolves.toContain("Escalatieniveau 1");
    await shot(page, "profile-03-notification-dutch-laptop");
    const list = await apiFromPage<{ items: { title: string; ticketNumber: number | null }[] }>(page, "GET", "/notifications?limit=20");
    expect(list.items.find((n) => n.ticketNumber === number)?.title).toMatch(/^Escalatieniveau 1: #\d+ Factuur niet gevonden/);
  }, 90_000);
});
