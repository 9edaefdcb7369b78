// The on-call screen end to end, in real Chromium against `palier serve` on a manual clock: a
// manager's schedule refused without participants (the error at its field), then saved with two
// people in turn; who is on call now and next; a night window and an override changing the
// preview of the next 14 days; the same screen in French and Dutch. Screenshots go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, describe, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 900 };
// Tuesday 24 November 2026, 09:00 in Brussels.
const CLOCK_START = "2026-11-24T09:00:00+01:00";
const MANAGER = "isabelle.peeters@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";
const SCHEDULE = `Astreinte ${Date.now().toString(36)}`;

const suite = browserAvailable() ? describe : describe.skip;

suite("the on-call screen", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let first: { id: string; name: string };
  let second: { id: string; name: string };

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ PALIER_CLOCK: "manual", PALIER_CLOCK_START: CLOCK_START }), launchBrowser()]);
    const context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await signInAs(page, server.baseUrl, MANAGER, DEMO_PASSWORD);
    const agents = await apiFromPage<{ items: { id: string; name: string; active: boolean; role: string }[] }>(page, "GET", "/agents?limit=100");
    const active = agents.items.filter((a) => a.active && a.role === "agent");
    [first, second] = [active[0]!, active[1]!];
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("refuses a layer without participants at its field, then saves a weekly rotation and says who is on call", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SLA" }).click();
    await page.getByRole("navigation", { name: "SLA set-up" }).getByRole("link", { name: "On call" }).click();
    await page.getByRole("heading", { level: 1, name: "On call" }).waitFor();
    await page.getByRole("link", { name: "New schedule" }).click();
    await page.getByRole("heading", { level: 1, name: "New schedule" }).waitFor();

    await page.getByLabel("Name", { exact: true }).fill(SCHEDULE);
    await page.locator("form.oncall-editor").getByLabel("Time zone", { exact: true }).selectOption("Europe/Brussels");
    await page.getByRole("button", { name: "Add a layer" }).click();
    await page.getByLabel("Layer name").fill("Support");
    await page.getByLabel("First hand-off (local time)").fill("2026-11-23T09:00");
    await page.getByRole("button", { name: "Save" }).click();
    const error = page.locator('.oncall-layer .field-error[data-path="layers[0].rotation.participants"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("a rotation needs at least one participant");
    await expect(page.getByTestId("oncall-preview").count()).resolves.toBe(0);

    await page.getByLabel("Add a participant (Support)").selectOption({ label: first.name });
    await page.getByLabel("Add a participant (Support)").selectOption({ label: second.name });
    const preview = page.getByTestId("oncall-preview").locator("li");
    await preview.first().waitFor();
    // Before saving, from the browser's own clock: the preview lists the two in turn.
    expect(await preview.evaluateAll((items) => items.every((li) => (li.getAttribute("data-who") ?? "") !== ""))).toBe(true);

    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: `On call: ${SCHEDULE}` }).waitFor();
    await expect(page.getByTestId("oncall-now").textContent()).resolves.toBe(first.name);
    await expect(page.locator(".oncall-now .muted").textContent()).resolves.toContain(`Next: ${second.name}`);
    // The server's clock (Tuesday 24 November): the first week is the first person's, the next the second's.
    const whos = await preview.evaluateAll((items) => items.map((li) => li.getAttribute("data-who")));
    expect(whos).toEqual([first.id, second.id, first.id]);
    await shot("oncall-01-schedule-laptop");
  }, 90_000);

  it("limits the layer to weekday nights and adds an override, the preview following the form", async () => {
    await page.getByRole("button", { name: "Add a time window" }).click();
    const preview = page.getByTestId("oncall-preview").locator("li");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="oncall-preview"] li[data-who=""]').length > 0);
    await page.getByRole("button", { name: "Add an override" }).click();
    await page.locator('[data-override="0"] select').selectOption({ label: second.name });
    await page.locator('[data-override="0"] input').first().fill("2026-11-24T20:00");
    await page.locator('[data-override="0"] input').nth(1).fill("2026-11-25T02:00");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    const texts = await preview.allTextContents();
    expect(texts.some((text) => text.includes("Nobody"))).toBe(true);
    expect(await preview.evaluateAll((items) => items.map((li) => li.getAttribute("data-who")))).toContain(second.id);
    await shot("oncall-02-nights-override-laptop");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: `On call: ${SCHEDULE}` }).waitFor();
    expect(await page.locator('[data-override="0"] input').first().inputValue()).toBe("2026-11-24T20:00");
    // 09:00 on a Tuesday is outside the night window: nobody now, the second person from 20:00.
    await expect(page.getByTestId("oncall-now").textContent()).resolves.toBe("Nobody");
  }, 60_000);

  it("speaks French and Dutch", async () => {
    for (const [locale, heading, now] of [
      ["fr", `Astreinte : ${SCHEDULE}`, "D’astreinte maintenant"],
      ["nl", `Wachtdienst: ${SCHEDULE}`, "Nu wachtdienst"],
    ] as const) {
      await apiFromPage(page, "PATCH", "/auth/me", { locale });
      await page.reload();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await expect(page.locator(".oncall-now strong").textContent()).resolves.toContain(now);
      await shot(`oncall-03-schedule-${locale}-laptop`);
    }
    await apiFromPage(page, "PATCH", "/auth/me", { locale: "en" });
  }, 60_000);

  it("gives a team its on-call schedule and its reply signatures in the team editor", async () => {
    const schedules = await apiFromPage<{ items: { id: string; name: string }[] }>(page, "GET", "/oncall-schedules");
    const schedule = schedules.items.find((item) => item.name === SCHEDULE);
    expect(schedule).toBeTruthy();
    const teams = await apiFromPage<{ items: { id: string; name: string }[] }>(page, "GET", "/teams?limit=100");
    const team = teams.items[0]!;
    await page.goto(`${server.baseUrl}/admin/teams/${team.id}`);
    await page.getByRole("heading", { level: 1, name: team.name }).waitFor();
    const select = page.getByLabel("On-call schedule");
    // The schedules arrive after the form: choose once the option is there.
    await select.locator("option", { hasText: SCHEDULE }).waitFor({ state: "attached" });
    await select.selectOption({ label: SCHEDULE });
    await page.getByLabel("In French").fill("L'équipe Facturation\nPalier SA");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(async () => {
        const saved = await apiFromPage<{ onCallScheduleId: string | null; signatures: Record<string, string> }>(page, "GET", `/teams/${team.id}`);
        return [saved.onCallScheduleId, saved.signatures.fr];
      })
      .toEqual([schedule?.id, "L'équipe Facturation\nPalier SA"]);
    await page.reload();
    await expect.poll(() => page.getByLabel("On-call schedule").inputValue()).toBe(schedule?.id);
    await expect(page.getByLabel("In French").inputValue()).resolves.toBe("L'équipe Facturation\nPalier SA");
    await page.getByLabel("In French").scrollIntoViewIfNeeded();
    await shot("oncall-04-team-schedule-and-signature-laptop");
  }, 60_000);
});
