// The knowledge base end to end, in real Chromium against `palier serve` with the demo: a
// manager writes an article in French with its Dutch version, sees the preview, is told a
// taken address at its field, publishes, attaches a file; the public search finds it without
// signing in, with a highlighted snippet, and by a word only in its file; the section in French and Dutch, on a laptop and a phone; the report.
// Screenshots go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const MANAGER = "isabelle.peeters@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";
const TAG = Date.now().toString(36);

const suite = browserAvailable() ? describe : describe.skip;

suite("the knowledge base", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ viewport: WIDE, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await signInAs(page, server.baseUrl, MANAGER, DEMO_PASSWORD);
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("lists the demo's articles with their language versions", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Knowledge base" }).click();
    await page.getByRole("heading", { level: 1, name: "Knowledge base" }).waitFor();
    const row = page.locator('[data-article="restart-my-lumio-box"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("FR · Published");
    await shot("kb-01-list-en-wide");
  }, 60_000);

  it("writes an article in two languages: preview, an address already taken at its field, then published and found by the public search", async () => {
    await page.getByRole("link", { name: "New article" }).click();
    await page.getByRole("heading", { level: 1, name: "New article" }).waitFor();
    await page.getByLabel("Title").fill(`Changer de forfait ${TAG}`);
    await expect(page.getByLabel("Address").inputValue()).resolves.toBe(`changer-de-forfait-${TAG}`);
    await page.getByLabel("Text (Markdown)").fill("Le **changement de forfait** prend effet le mois suivant. <script>alert(1)</script>");
    await page.getByRole("button", { name: "Show the preview" }).click();
    const preview = page.locator(".kb-article-html");
    await preview.locator("strong").waitFor();
    await expect(preview.locator("strong").textContent()).resolves.toBe("changement de forfait");
    await expect(preview.locator("script").count()).resolves.toBe(0);
    await page.getByLabel("Status").selectOption("published");

    await page.getByRole("button", { name: "+ Dutch" }).click();
    await page.getByLabel("Title").fill("Mijn Lumio Box herstarten");
    await page.getByLabel("Text (Markdown)").fill("Een **ander abonnement** gaat in vanaf de volgende maand.");
    await page.getByLabel("Status").selectOption("published");
    await page.getByRole("button", { name: "Save the article" }).click();
    // The Dutch title's address is the demo's own article's: refused at that field, nothing saved.
    const taken = page.locator('.field-error[data-path="translations[1].slug"]');
    await taken.waitFor();
    await expect(taken.textContent()).resolves.toContain("already used");
    await shot("kb-02-editor-taken-address-en-wide");

    await page.getByLabel("Address").fill(`ander-abonnement-${TAG}`);
    await page.getByRole("button", { name: "Save the article" }).click();
    await page.waitForURL(/\/kb\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: `Changer de forfait ${TAG}` }).waitFor();
    // A file on the saved French version: listed, then found by a word only it has.
    await page.locator(".kb-attachments input[type=file]").setInputFiles({
      name: `grille-${TAG}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`Le forfait Zephyr${TAG} comprend la box.`),
    });
    await page.getByRole("link", { name: `Download grille-${TAG}.txt` }).waitFor();

    const anonymous = await page.evaluate(
      async (q) => (await fetch(`/api/v1/public/kb/search?q=${encodeURIComponent(q)}&lang=fr`, { credentials: "omit" })).json(),
      "changement forfait",
    );
    const results = (anonymous as { results: { slug: string; snippet: string }[] }).results;
    expect(results[0]?.slug).toBe(`changer-de-forfait-${TAG}`);
    expect(results[0]?.snippet).toContain("<mark>changement</mark>");
    expect(results[0]?.snippet).not.toContain("<script");
    const byFile = await page.evaluate(
      async (q) => (await fetch(`/api/v1/public/kb/search?q=${encodeURIComponent(q)}&lang=fr`, { credentials: "omit" })).json(),
      `zephyr${TAG}`,
    );
    expect((byFile as { results: { slug: string }[] }).results.map((r) => r.slug)).toEqual([`changer-de-forfait-${TAG}`]);
    await page.goto(`${server.baseUrl}/help/changer-de-forfait-${TAG}`);
    await page.getByRole("heading", { level: 1, name: `Changer de forfait ${TAG}` }).waitFor();
    await page.getByRole("link", { name: `grille-${TAG}.txt` }).waitFor();
    await page.getByRole("link", { name: "Nederlands" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn Lumio Box herstarten" }).waitFor();
  }, 90_000);

  it("speaks French and Dutch, on a wide screen and on a phone", async () => {
    for (const [locale, heading, newArticle] of [
      ["fr", "Base de connaissances", "Nouvel article"],
      ["nl", "Kennisbank", "Nieuw artikel"],
      ["en", "Knowledge base", "New article"],
    ] as const) {
      await apiFromPage(page, "PATCH", "/auth/me", { locale });
      for (const [size, viewport] of [
        ["wide", WIDE],
        ["phone", PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.goto(`${server.baseUrl}/kb`);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await page.getByRole("link", { name: newArticle }).waitFor();
        await page.locator(".kb-row").first().waitFor();
        // Nothing wider than the screen.
        const wider = await page.evaluate(() =>
          [...document.querySelectorAll("main *")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map((e) => `${e.tagName}.${e.className}`)
            .slice(0, 5),
        );
        expect(wider, `${locale} ${size}`).toEqual([]);
        await shot(`kb-03-list-${locale}-${size}`);
      }
    }
    await page.setViewportSize(WIDE);
  }, 90_000);

  it("shows the manager which public searches found nothing", async () => {
    await page.evaluate(async (q) => {
      await fetch(`/api/v1/public/kb/search?q=${encodeURIComponent(q)}&lang=nl`, { credentials: "omit" });
    }, `zonnepanelen${TAG}`);
    await page.goto(`${server.baseUrl}/kb/report`);
    await page.getByRole("heading", { level: 1, name: "Knowledge-base report" }).waitFor();
    const row = page.locator(".kb-table tr", { hasText: `zonnepanelen${TAG}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Dutch");
    await shot("kb-04-report-en-wide");
  }, 60_000);
});
