// The admin screens end to end, in real Chromium against one `palier serve`: an agent created
// with its one-time password, who signs in and is offered no admin pages, then moved to another
// team, caught by someone else's change, and deactivated; a team, an organization and a
// customer created; a wrong address under /admin; French and Dutch without English.

import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LOCALES = fileURLToPath(new URL("../../src/core/i18n/locales/", import.meta.url));
const LAPTOP = { width: 1280, height: 900 };
/** Makes this run's records easy to find among the demo's. */
const RUN = `e2e${Date.now().toString(36)}`;

const suite = browserAvailable() ? describe : describe.skip;

suite("the admin screens", () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  const agentEmail = `nora.${RUN}@example.org`;
  let agentId = "";
  let agentPassword = "";

  const shot = (target: Page, name: string) => target.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const newContext = async (locale = "en-GB"): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: LAPTOP, locale });
    context.setDefaultTimeout(20_000);
    return context;
  };
  const adminNav = (target: Page) => target.getByRole("navigation", { name: "Administration" });
  /** The field whose API path is `path`, in the form on screen. */
  const field = (target: Page, path: string) => target.locator(`[data-field="${path}"]`);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await (await newContext()).newPage();
    await signInAs(admin, server.baseUrl, server.email, server.password);
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("creates an agent, showing a wrong e-mail at its field, then their one-time password", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await admin.getByRole("heading", { level: 1, name: "Agents" }).waitFor();
    await admin.getByRole("link", { name: "New agent" }).click();
    await admin.getByRole("heading", { level: 1, name: "New agent" }).waitFor();
    await field(admin, "name").getByRole("textbox").fill(`Nora ${RUN}`);
    await field(admin, "email").getByRole("textbox").fill("nora-at-example");
    await field(admin, "teamId").getByRole("combobox").selectOption({ label: "Social" });
    await admin.getByRole("checkbox", { name: "Dutch" }).check();
    await field(admin, "skills").getByRole("textbox").fill("billing, fibre");
    await admin.getByRole("button", { name: "Create the agent" }).click();
    await field(admin, "email").getByText("Enter a valid e-mail address.").waitFor();
    expect(await field(admin, "email").getByRole("textbox").getAttribute("aria-invalid")).toBe("true");

    await field(admin, "email").getByRole("textbox").fill(agentEmail);
    await admin.getByRole("button", { name: "Create the agent" }).click();
    await admin.getByRole("heading", { level: 1, name: `Nora ${RUN}` }).waitFor();
    agentPassword = (await admin.locator("[data-password]").textContent()) ?? "";
    expect(agentPassword.length).toBeGreaterThanOrEqual(20);
    await shot(admin, "admin-01-agent-created");
    agentId = /\/admin\/agents\/([0-9a-f-]{36})$/.exec(admin.url())?.[1] ?? "";
    const saved = await apiFromPage<{ teamId: string; languages: string[]; skills: string[]; role: string }>(admin, "GET", `/agents/${agentId}`);
    expect(saved).toMatchObject({ languages: ["nl"], skills: ["billing", "fibre"], role: "agent" });

    // Shown once: back on the page, the password is gone.
    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: `Nora ${RUN}` }).waitFor();
    expect(await admin.locator("[data-password]").count()).toBe(0);
  }, 60_000);

  it("offers the new agent, who is no admin, none of the admin pages", async () => {
    const page = await (await newContext()).newPage();
    await signInAs(page, server.baseUrl, agentEmail, agentPassword);
    const main = page.getByRole("navigation", { name: "Main" });
    await main.getByRole("link", { name: "Inbox" }).waitFor();
    expect(await main.getByRole("link", { name: "Admin" }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/admin/agents`);
    await page.getByRole("heading", { level: 1, name: "Not available" }).waitFor();
    expect(await page.getByRole("link", { name: "New agent" }).count()).toBe(0);
    await page.context().close();
  }, 40_000);

  it("moves the agent to another team, and says so when someone else changed them first", async () => {
    await field(admin, "teamId").getByRole("combobox").selectOption({ label: "Escalades L2" });
    await admin.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Saved.", { exact: true }).waitFor();
    const teams = await apiFromPage<{ items: { id: string; name: string }[] }>(admin, "GET", "/teams?limit=100");
    const l2 = teams.items.find((team) => team.name === "Escalades L2")?.id;
    expect((await apiFromPage<{ teamId: string }>(admin, "GET", `/agents/${agentId}`)).teamId).toBe(l2);

    // Someone else changes the agent meanwhile: saving the older copy is refused, and offers the latest.
    await apiFromPage(admin, "PATCH", `/agents/${agentId}`, { region: "Wallonie" });
    await field(admin, "region").getByRole("textbox").fill("Bruxelles");
    await admin.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Someone else changed this in the meantime. Your changes were not saved.").waitFor();
    await admin.getByRole("button", { name: "Load the latest version" }).click();
    await expect.poll(() => field(admin, "region").getByRole("textbox").inputValue()).toBe("Wallonie");
  }, 40_000);

  it("deactivates the agent after saying their sessions end, and they are signed out", async () => {
    const page = await (await newContext()).newPage();
    await signInAs(page, server.baseUrl, agentEmail, agentPassword);
    await admin.getByRole("button", { name: "Deactivate…" }).click();
    await admin.getByText(/Their sessions end at once/).waitFor();
    await shot(admin, "admin-02-deactivate-confirm");
    await admin.getByRole("button", { name: "Deactivate", exact: true }).click();
    await admin.getByText(`Nora ${RUN} cannot sign in until reactivated.`).waitFor();
    expect((await apiFromPage<{ active: boolean }>(admin, "GET", `/agents/${agentId}`)).active).toBe(false);
    // Their browser is back at the login screen.
    await page.reload();
    await page.locator('input[type="password"]').waitFor();
    await page.context().close();

    await admin.goto(`${server.baseUrl}/admin/agents?active=false`);
    await admin.locator(`tr[data-agent="${agentEmail}"]`).getByText("Deactivated").waitFor();
  }, 40_000);

  it("creates a team, an organization and a customer of it", async () => {
    await adminNav(admin).getByRole("link", { name: "Teams" }).click();
    await admin.getByRole("link", { name: "New team" }).click();
    await field(admin, "name").getByRole("textbox").fill(`Fibre ${RUN}`);
    await field(admin, "leadId").getByRole("combobox").selectOption({ label: "Léa Martin" });
    await admin.getByRole("button", { name: "Create the team" }).click();
    await admin.getByRole("heading", { level: 1, name: `Fibre ${RUN}` }).waitFor();
    await adminNav(admin).getByRole("link", { name: "Teams" }).click();
    await admin.locator(`tr[data-team="Fibre ${RUN}"]`).getByText("Léa Martin").waitFor();

    await adminNav(admin).getByRole("link", { name: "Organizations" }).click();
    await admin.getByRole("link", { name: "New organization" }).click();
    await field(admin, "name").getByRole("textbox").fill(`Brasserie ${RUN}`);
    await field(admin, "segment").locator("input").fill("Gold VIP");
    await field(admin, "domains").getByRole("textbox").fill(`${RUN}.example, brasserie-${RUN}.example`);
    await admin.getByRole("button", { name: "Create the organization" }).click();
    await field(admin, "segment").getByText("Lower-case letters, digits, - and _ only.").waitFor();
    await field(admin, "segment").locator("input").fill("vip");
    await admin.getByRole("button", { name: "Create the organization" }).click();
    await admin.getByRole("heading", { level: 1, name: `Brasserie ${RUN}` }).waitFor();

    await adminNav(admin).getByRole("link", { name: "Customers" }).click();
    await admin.getByRole("link", { name: "New customer" }).click();
    await field(admin, "name").getByRole("textbox").fill(`Jan ${RUN}`);
    await field(admin, "email").getByRole("textbox").fill(`jan@${RUN}.example`);
    await field(admin, "language").getByRole("combobox").selectOption({ label: "Dutch" });
    await field(admin, "organizationId")
      .getByRole("combobox")
      .selectOption({ label: `Brasserie ${RUN}` });
    await field(admin, "organizationId").getByText("Segment: VIP").waitFor();
    await admin.getByRole("button", { name: "Create the customer" }).click();
    await admin.getByRole("heading", { level: 1, name: `Jan ${RUN}` }).waitFor();

    await adminNav(admin).getByRole("link", { name: "Customers" }).click();
    await admin.getByRole("searchbox", { name: "Search customers" }).fill(`jan@${RUN}`);
    await admin.getByRole("button", { name: "Search", exact: true }).click();
    const row = admin.locator(`tr[data-customer="Jan ${RUN}"]`);
    await row.getByText(`Brasserie ${RUN}`).waitFor();
    await row.getByText("VIP").waitFor();
    expect(await admin.locator("tbody tr").count()).toBe(1);
    await shot(admin, "admin-03-customers");
  }, 60_000);

  it("shows a not-found for an address under /admin that names no screen", async () => {
    for (const path of ["/admin/xyz", "/admin/agents/not-an-id", "/admin/teams/00000000-0000-4000-8000-000000000000"]) {
      await admin.goto(server.baseUrl + path);
      await admin.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      expect(await admin.getByRole("heading", { level: 1, name: "Mailbox" }).count()).toBe(0);
    }
  }, 30_000);

  it("speaks French and Dutch on the agent editor, with no English left", async () => {
    const page = await (await newContext()).newPage();
    await signInAs(page, server.baseUrl, server.email, server.password);
    await page.goto(`${server.baseUrl}/admin/agents/new`);
    await page.getByRole("heading", { level: 1, name: "New agent" }).waitFor();
    const english = Object.values(JSON.parse(readFileSync(`${LOCALES}en/app.json`, "utf8")) as Record<string, string>);
    for (const [locale, title] of [
      ["fr", "Nouvel agent"],
      ["nl", "Nieuwe agent"],
    ] as const) {
      const own = new Set(Object.values(JSON.parse(readFileSync(`${LOCALES}${locale}/app.json`, "utf8")) as Record<string, string>));
      // Whole English sentences and labels that this language says differently.
      const foreign = english.filter((text) => !own.has(text) && text.length >= 5 && !text.includes("{"));
      // Signed in, the language is the profile's: the switcher changes it (and is set back below).
      await page.getByTestId("language").selectOption(locale);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      // The screen's own words: not the header's language switcher (each language in its own
      // words), nor the names of agents, teams and calendars in the pickers (data).
      const words = await page.locator("main :is(h1, h2, p, label, legend, button, a, th)").allInnerTexts();
      const choices = await page.locator('main :is([data-field="role"], [data-field="locale"]) option, main option[value=""]').allTextContents();
      const pieces = new Set([...words.flatMap((text) => text.split("\n")), ...choices].map((piece) => piece.trim()));
      const text = words.join("\n");
      const left = foreign.filter((sentence) => pieces.has(sentence) || (sentence.length >= 25 && text.includes(sentence)));
      expect(left, `English on the ${locale} agent editor`).toEqual([]);
      await shot(page, `admin-04-agent-editor-${locale}`);
    }
    await page.getByTestId("language").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "New agent" }).waitFor();
    await page.context().close();
  }, 60_000);
});
