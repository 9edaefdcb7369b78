// The browser app end to end, in real Chromium against the real `palier serve`: sign in, work
// the inbox and a ticket, the three languages, hostile message bodies, and a phone's width.
// Screenshots go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, ConsoleMessage, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 800 };
const WIDE = { width: 1440, height: 900 };
/** The demo's accounts (README, "Demo logins"). */
const DEMO = { manager: "isabelle.peeters@demo.palier.local", agent: "sanne.devos@demo.palier.local", viewer: "julie.moreau@demo.palier.local" };
const DEMO_PASSWORD = "demo-palier";
const PHONE = { width: 390, height: 844 };
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
/** Makes this run's tickets easy to find among the demo's. */
const RUN = `e2e${Date.now().toString(36)}`;

const suite = browserAvailable() ? describe : describe.skip;

suite("the browser app", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ticketNumber = 0;
  const subject = `Box hors service depuis ce matin ${RUN}`;

  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });

  async function signIn(target: Page, viaKeyboard = false): Promise<void> {
    await target.goto(server.baseUrl + "/");
    if (viaKeyboard) {
      await target.getByLabel("E-mail").focus();
      await target.keyboard.type(server.email);
      await target.keyboard.press("Tab");
      await target.keyboard.type(server.password);
      await target.keyboard.press("Enter");
    } else {
      await target.getByLabel("E-mail").fill(server.email);
      await target.getByLabel("Password").fill(server.password);
      await target.getByRole("button", { name: "Sign in" }).click();
    }
    await target.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  }

  /** Calls the API from the page, with the session cookie and the CSRF token, as the app does. */
  async function apiFromPage<T>(target: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return target.evaluate(
      async ({ method, path, body, headers }) => {
        const me = (await (await fetch("/api/v1/auth/me")).json()) as { csrfToken: string };
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken, ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json: unknown = await response.json();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
        return json;
      },
      { method, path, body, headers },
    ) as Promise<T>;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    // A missing element fails its test in seconds, not at the test's own time limit.
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("loads signed out without a failed request or a console error", async () => {
    const problems: string[] = [];
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    };
    const onResponse = (response: Response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    };
    const onFailed = (request: Request) => problems.push(`failed: ${request.url()}`);
    page.on("console", onConsole);
    page.on("response", onResponse);
    page.on("requestfailed", onFailed);
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    await page.waitForLoadState("networkidle");
    page.off("console", onConsole);
    page.off("response", onResponse);
    page.off("requestfailed", onFailed);
    expect(problems).toEqual([]);
  }, 30_000);

  it("refuses a wrong password, then signs in with the keyboard alone", async () => {
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    await shot(page, "01-login-laptop");
    await page.getByLabel("E-mail").fill(server.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong e-mail or password.");
    await signIn(page, true);
    await page.getByRole("link", { name: /^All/ }).waitFor();
    await shot(page, "02-inbox-laptop");
  }, 60_000);

  it("logs a phone call as a new ticket for a new customer", async () => {
    await page.getByRole("link", { name: "New ticket" }).click();
    await page.getByRole("heading", { level: 1, name: "New ticket" }).waitFor();
    expect(await page.getByLabel("Channel").inputValue()).toBe("phone");
    await page.getByText("New customer", { exact: true }).click();
    await page.getByLabel("Name", { exact: true }).fill(`Camille Lambert ${RUN}`);
    await page.getByLabel("Phone", { exact: true }).fill("+32 470 00 00 01");
    await page.getByLabel("Subject", { exact: true }).fill(subject);
    await page.getByLabel("Priority").selectOption("high");
    await page.getByLabel("What the customer said").fill("Ma box clignote en rouge depuis ce matin.\nPlus d'internet ni de télé.");
    await shot(page, "03-new-ticket-laptop");
    await page.getByRole("button", { name: "Create ticket" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    ticketNumber = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByRole("heading", { level: 1, name: new RegExp(subject) }).waitFor();
    await expect(page.locator(".message-customer").first().textContent()).resolves.toContain("Ma box clignote en rouge");
  }, 60_000);

  it("filters, searches and sorts the inbox", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.getByRole("link", { name: /^All/ }).click();
    await page.waitForURL(/view=all/);
    await page.getByLabel("Priority").selectOption("high");
    await page.waitForURL(/priority=high/);
    await page.getByLabel("Channel").selectOption("phone");
    await page.getByLabel("Sort").selectOption("created_desc");
    await page.getByRole("searchbox").fill(RUN);
    await page.getByRole("searchbox").press("Enter");
    await page.waitForURL(new RegExp(`q=${RUN}`));
    const row = page.locator(`tr[data-ticket="${ticketNumber}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`Camille Lambert ${RUN}`);
    const priorities = await page.locator("tbody .cell-priority").allTextContents();
    expect(priorities.length).toBeGreaterThan(0);
    expect(new Set(priorities)).toEqual(new Set(["High"]));
    await shot(page, "04-inbox-filtered-laptop");

    // A filter nothing matches says so; clearing the filters brings the tickets back.
    await page.getByLabel("Priority").selectOption("low");
    await page.getByText("No ticket matches these filters.").waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.locator("tbody tr").first().waitFor();
  }, 60_000);

  it("opens the ticket, replies and adds an internal note", async () => {
    await page.goto(`${server.baseUrl}/?view=all&q=${RUN}`);
    await page.getByRole("link", { name: subject }).click();
    await page.waitForURL(new RegExp(`/tickets/${ticketNumber}$`));

    const reply = "Bonjour Camille, nous redémarrons votre box à distance.";
    await page.getByPlaceholder("Your reply to the customer…").fill(reply);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".message-reply", { hasText: reply }).waitFor();

    // The note mode, chosen with the keyboard: arrow keys move between the two radios.
    await page.getByRole("radio", { name: "Reply" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Internal note" }).isChecked()).toBe(true);
    const note = "Client VIP, déjà rappelé deux fois cette semaine.";
    await page.getByPlaceholder("A note for your colleagues…").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    const noteItem = page.locator(".message-note", { hasText: note });
    await noteItem.waitFor();
    await expect(noteItem.locator(".message-kind").textContent()).resolves.toBe("Internal note");
    // Notes stand out: yellow, unlike public replies.
    const background = await noteItem.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe("rgb(255, 248, 197)");
    const replyBackground = await page
      .locator(".message-reply")
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(replyBackground).not.toBe(background);
    await shot(page, "05-ticket-laptop");
  }, 60_000);

  it("changes status and priority, and they stay changed", async () => {
    const properties = page.getByRole("form", { name: "Properties" });
    await properties.getByLabel("Status").selectOption("pending");
    await properties.getByLabel("Priority").selectOption("urgent");
    await properties.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    await page.getByRole("form", { name: "Properties" }).waitFor();
    expect(await page.getByRole("form", { name: "Properties" }).getByLabel("Status").inputValue()).toBe("pending");
    expect(await page.getByRole("form", { name: "Properties" }).getByLabel("Priority").inputValue()).toBe("urgent");
    await expect(page.locator(".ticket-meta").textContent()).resolves.toMatch(/Pending.*Urgent/);
    await page.locator(".timeline .event", { hasText: "Ticket updated" }).first().waitFor();
  }, 60_000);

  it("says plainly when someone else changed the ticket meanwhile (409) and shows their version", async () => {
    // A colleague lowers the priority behind this page's back.
    const current = await apiFromPage<{ version: number }>(page, "GET", `/tickets/${ticketNumber}`);
    await apiFromPage(page, "PATCH", `/tickets/${ticketNumber}`, { priority: "low" }, { "If-Match": `"${current.version}"` });
    const properties = page.getByRole("form", { name: "Properties" });
    await properties.getByLabel("Priority").selectOption("high");
    await properties.getByRole("button", { name: "Save" }).click();
    const conflict = page.getByTestId("conflict");
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain("Someone else changed this ticket in the meantime.");
    await expect.poll(() => properties.getByLabel("Priority").inputValue()).toBe("low");
    await shot(page, "06-ticket-conflict-laptop");
  }, 60_000);

  it("speaks French and Dutch, remembers the choice, and follows the browser's language", async () => {
    await page.goto(`${server.baseUrl}/tickets/${ticketNumber}`);
    await page.getByRole("form", { name: "Properties" }).waitFor();
    await page.getByTestId("language").selectOption("fr");
    await page.getByRole("form", { name: "Propriétés" }).waitFor();
    await page.getByRole("button", { name: "Envoyer la réponse" }).waitFor();
    await expect(page.locator(".message-note .message-kind").first().textContent()).resolves.toBe("Note interne");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await shot(page, "07-ticket-french-laptop");

    await page.getByTestId("language").selectOption("nl");
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Inbox" }).click();
    await page.getByRole("link", { name: "Nieuw ticket" }).waitFor();
    await page.getByRole("link", { name: /^Mijn team/ }).waitFor();
    await page.getByRole("link", { name: /^Alle/ }).click();
    await page.getByRole("columnheader", { name: "Onderwerp" }).waitFor();
    await page.getByLabel("Prioriteit").selectOption("urgent");
    await page.waitForURL(/priority=urgent/);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.getByRole("button", { name: "Afmelden" }).waitFor();
    expect(await page.getByTestId("language").inputValue()).toBe("nl");
    await expect.poll(() => page.locator("tbody .cell-customer").first().textContent()).not.toBe("…");
    await shot(page, "08-inbox-dutch-laptop");

    // A Belgian French-speaking browser with no stored choice gets French straight away.
    const french = await browser.newContext({ viewport: LAPTOP, locale: "fr-BE" });
    french.setDefaultTimeout(20_000);
    const frenchPage = await french.newPage();
    await frenchPage.goto(server.baseUrl + "/");
    await frenchPage.getByRole("heading", { name: "Connexion à Palier" }).waitFor();
    await frenchPage.getByRole("button", { name: "Se connecter" }).waitFor();
    await french.close();

    await page.getByTestId("language").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  }, 60_000);

  it("renders hostile message bodies inert, whichever way they come in", async () => {
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

    // 1. Typed into the new-ticket form, for the customer found by name: stored as text, shown as text.
    await page.goto(server.baseUrl + "/tickets/new");
    await page.getByRole("heading", { level: 1, name: "New ticket" }).waitFor();
    await page.getByLabel("Find a customer").fill(`Camille Lambert ${RUN}`);
    await page.getByRole("radio", { name: `Camille Lambert ${RUN}` }).check();
    await page.getByLabel("Subject", { exact: true }).fill(`Hostile body ${RUN}`);
    await page.getByLabel("What the customer said").fill(XSS);
    await page.getByRole("button", { name: "Create ticket" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    const body = page.locator(".message-customer .message-body").first();
    await body.waitFor();
    await page.waitForTimeout(300);
    expect(await xss()).toBeUndefined();
    await expect(body.textContent()).resolves.toContain("<script>window.__xss=2</script>");
    expect(await body.locator("img, script").count()).toBe(0);
    // The customer's card lists their earlier ticket.
    await page
      .locator(".customer-card")
      .getByRole("link", { name: new RegExp(`#${ticketNumber} `) })
      .waitFor();

    // 2. Sent as HTML through the API: the server sanitizes it, the rest still renders.
    const customers = await apiFromPage<{ items: { id: string }[] }>(page, "GET", `/customers?q=${encodeURIComponent(`Camille Lambert ${RUN}`)}`);
    const customerId = customers.items[0]?.id;
    expect(customerId).toBeTruthy();
    const created = await apiFromPage<{ ticket: { number: number } }>(page, "POST", "/tickets", {
      subject: `Hostile HTML ${RUN}`,
      channel: "email",
      customerId,
      message: { kind: "customer", html: `${XSS}<p>Visible <b>bold</b> text</p><a href="javascript:window.__xss=3">link</a>` },
    });
    await page.goto(`${server.baseUrl}/tickets/${created.ticket.number}`);
    const htmlBody = page.locator(".message-body", { hasText: "Visible" });
    await htmlBody.waitFor();
    await page.waitForTimeout(300);
    expect(await xss()).toBeUndefined();
    expect(await htmlBody.locator("b").textContent()).toBe("bold");
    expect(await htmlBody.locator("img, script, [onerror]").count()).toBe(0);
    const href = await htmlBody.locator("a").getAttribute("href");
    expect(href ?? "").not.toMatch(/^javascript:/i);

    // 3. Defence in depth: even if the server sent raw HTML, the app sanitizes it again.
    await page.route(`**/api/v1/tickets/${created.ticket.number}/messages`, async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { items: { bodyHtml: string }[] };
      for (const item of json.items) item.bodyHtml = `${XSS}<p>Unsanitized <i>on purpose</i></p><svg onload="window.__xss=4"></svg>`;
      await route.fulfill({ response, json });
    });
    await page.reload();
    const rawBody = page.locator(".message-body", { hasText: "Unsanitized" });
    await rawBody.waitFor();
    await page.waitForTimeout(300);
    expect(await xss()).toBeUndefined();
    expect(await rawBody.locator("img, script, svg, [onerror], [onload]").count()).toBe(0);
    expect(await rawBody.locator("i").textContent()).toBe("on purpose");
    await page.unroute(`**/api/v1/tickets/${created.ticket.number}/messages`);
    await shot(page, "09-hostile-body-laptop");
  }, 60_000);

  it("fits a phone's width", async () => {
    const phone = await browser.newContext({ viewport: PHONE, locale: "en-GB", isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    phone.setDefaultTimeout(20_000);
    const phonePage = await phone.newPage();
    const overflow = () => phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await phonePage.goto(server.baseUrl + "/");
    await phonePage.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    await shot(phonePage, "10-login-phone");
    await signIn(phonePage);
    await phonePage.goto(`${server.baseUrl}/?view=all`);
    await phonePage.locator("tbody tr").first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expect.poll(() => phonePage.locator("tbody .cell-customer").first().textContent()).not.toBe("…");
    await shot(phonePage, "11-inbox-phone");
    // The filters fold away on a phone, behind a button that says whether any is set.
    expect(await phonePage.getByLabel("Priority").isVisible()).toBe(false);
    await phonePage.getByRole("button", { name: "Filters" }).click();
    await phonePage.getByLabel("Priority").selectOption("urgent");
    await phonePage.getByRole("button", { name: "Filters (1)" }).waitFor();
    await shot(phonePage, "11b-inbox-filters-phone");
    await phonePage.goto(`${server.baseUrl}/tickets/${ticketNumber}`);
    await phonePage.locator(".message-note").first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The SLA clocks and the status come first, right under the subject, not below the conversation.
    const top = async (selector: string) => (await phonePage.locator(selector).first().boundingBox())?.y ?? Infinity;
    await phonePage.locator(".sla-panel").waitFor();
    expect(await top(".sla-panel")).toBeLessThan(600);
    expect(await top('.properties select[name="status"]')).toBeLessThan(1000);
    expect(await top(".sla-panel")).toBeLessThan(await top(".conversation-section"));
    await shot(phonePage, "12-ticket-phone");
    await phonePage.locator(".reply-box").scrollIntoViewIfNeeded();
    await shot(phonePage, "13-ticket-reply-phone");
    await phonePage.goto(`${server.baseUrl}/tickets/new`);
    await phonePage.getByRole("heading", { level: 1, name: "New ticket" }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phonePage, "14-new-ticket-phone");
    await phone.close();
  }, 90_000);

  it("shows a viewer the ticket read-only", async () => {
    // The demo's read-only account (README, "Demo logins").
    const viewer = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    viewer.setDefaultTimeout(20_000);
    const viewerPage = await viewer.newPage();
    // Her profile is in French: signing in sets it to English, as the test reads English.
    await signInAs(viewerPage, server.baseUrl, "julie.moreau@demo.palier.local", "demo-palier");
    // A viewer's inbox opens on every unsolved ticket.
    await viewerPage.locator('.view-tabs a[aria-current="page"][data-view="all"]').waitFor();
    expect(await viewerPage.getByRole("link", { name: "New ticket" }).count()).toBe(0);
    await viewerPage.goto(`${server.baseUrl}/tickets/${ticketNumber}`);
    await viewerPage.getByText("You can read this ticket; your role cannot change it.").waitFor();
    expect(await viewerPage.getByRole("form", { name: "Properties" }).getByLabel("Priority").isDisabled()).toBe(true);
    expect(await viewerPage.locator(".reply-box").count()).toBe(0);
    await viewerPage.locator(".message-note").first().waitFor();
    await viewer.close();
  }, 30_000);

  it("opens each role's inbox on the view it needs, and remembers the view a person picks", async () => {
    const landing = async (email: string) => {
      const context = await browser.newContext({ viewport: WIDE, locale: "en-GB" });
      context.setDefaultTimeout(20_000);
      const target = await context.newPage();
      await signInAs(target, server.baseUrl, email, DEMO_PASSWORD);
      const view = await target.locator('.view-tabs a[aria-current="page"]').getAttribute("data-view");
      return { context, target, view };
    };
    const manager = await landing(DEMO.manager);
    expect(manager.view).toBe("breaching");
    // Breaching is explained, sorted by due time, and its count is the list's.
    const inbox = manager.target;
    await expect(inbox.getByTestId("view-hint").textContent()).resolves.toContain("due within the next hour");
    expect(await inbox.getByLabel("Sort").inputValue()).toBe("due_asc");
    const badge = async (view: string) => Number((await inbox.locator(`.view-tabs a[data-view="${view}"] .count`).textContent())?.replace(/\D/g, ""));
    const header = async () => {
      await expect.poll(() => inbox.getByTestId("inbox-total").textContent()).toMatch(/^\d[\d,]* /);
      return Number((await inbox.getByTestId("inbox-total").textContent())?.replace(/\D/g, ""));
    };
    await expect.poll(() => badge("breaching")).toBeGreaterThan(0);
    await expect.poll(async () => (await header()) - (await badge("breaching"))).toBe(0);
    await expect(inbox.getByTestId("inbox-total").textContent()).resolves.toMatch(/unsolved tickets?$/);
    // The ticket table names each ticket's assignee.
    await inbox.getByRole("columnheader", { name: "Assignee" }).waitFor();
    await expect.poll(() => inbox.locator("tbody .cell-assignee").first().textContent()).not.toBe("");
    await shot(inbox, "15-inbox-manager-breaching-wide");

    // All: the badge and the header count the same tickets, the unsolved ones; every status is one choice away.
    await inbox.getByRole("link", { name: /^All/ }).click();
    await inbox.waitForURL(/view=all/);
    // The list and the tabs' counts are two requests: wait until both have answered for this view.
    await expect.poll(() => badge("all")).toBeGreaterThan(0);
    await expect.poll(async () => (await header()) - (await badge("all"))).toBe(0);
    await inbox.getByLabel("Status").selectOption("any");
    await expect.poll(() => inbox.getByTestId("inbox-total").textContent()).toMatch(/all statuses$/);
    expect(await header()).toBeGreaterThan(await badge("all"));
    // A ticket waiting on its customer says its SLA is paused rather than counting down.
    await inbox.getByLabel("Status").selectOption("pending");
    await inbox.locator("tbody .cell-due .due-paused", { hasText: "Paused" }).first().waitFor();
    // Unassigned tickets say so.
    await inbox.getByLabel("Status").selectOption("");
    await inbox.getByRole("link", { name: /^Unassigned/ }).click();
    await expect.poll(() => inbox.locator("tbody .cell-assignee").first().innerText()).toBe("Unassigned");

    // Picked last, "Mine" is where her inbox opens next time.
    await inbox.getByRole("link", { name: /^Mine/ }).click();
    await inbox.waitForURL(/view=mine/);
    await inbox.goto(server.baseUrl + "/");
    await inbox.locator('.view-tabs a[aria-current="page"][data-view="mine"]').waitFor();
    await manager.context.close();

    const agent = await landing(DEMO.agent);
    expect(agent.view).toBe("mine");
    // Mine is the agent's open work: solved and closed tickets only through the status filter.
    await agent.target.locator("tbody .cell-status").first().waitFor();
    const statuses = await agent.target.locator("tbody .cell-status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === "Solved" || status === "Closed")).toEqual([]);
    await agent.context.close();
  }, 90_000);

  it("says which filter of a hand-edited address it does not know, in the reader's language, and resets them", async () => {
    await page.goto(`${server.baseUrl}/inbox?view=all&status=bogus&priority=xx&sort=zzz`);
    const notice = page.getByTestId("address-notice");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("Status: “bogus”");
    await expect(notice.textContent()).resolves.toContain("Priority: “xx”");
    await expect(notice.textContent()).resolves.toContain("Sort: “zzz”");
    expect(await notice.textContent()).not.toContain("must match pattern");
    // The rest of the address still works: the list shows, without the unknown filters.
    await page.locator("tbody tr").first().waitFor();
    await page.getByTestId("language").selectOption("fr");
    try {
      await expect.poll(() => notice.textContent()).toContain("Statut\u00a0: «\u00a0bogus\u00a0»");
      await shot(page, "16-inbox-bad-address-french");
      await page.getByRole("button", { name: "Réinitialiser les filtres" }).click();
      await page.waitForURL((url) => !url.search.includes("bogus"));
      await expect.poll(() => page.getByTestId("address-notice").count()).toBe(0);
      expect(new URL(page.url()).searchParams.get("view")).toBe("all");
    } finally {
      await page.getByTestId("language").selectOption("en");
      await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    }
  }, 30_000);

  it("shows the whole sort menu at 1,440 px", async () => {
    await page.setViewportSize(WIDE);
    try {
      await page.goto(`${server.baseUrl}/?view=all&sort=updated_asc`);
      const sort = page.getByLabel("Sort");
      await sort.waitFor();
      // The select is as wide as its longest choice, and within the window.
      const { width, natural, right } = await sort.evaluate((select: HTMLSelectElement) => {
        const copy = select.cloneNode(true) as HTMLSelectElement;
        copy.style.cssText = "position:absolute;width:auto;max-width:none;visibility:hidden";
        document.body.append(copy);
        const natural = copy.getBoundingClientRect().width;
        copy.remove();
        const box = select.getBoundingClientRect();
        return { width: box.width, natural, right: box.right };
      });
      expect(width).toBeGreaterThanOrEqual(natural - 1);
      expect(right).toBeLessThanOrEqual(WIDE.width);
      await shot(page, "17-inbox-sort-wide");
    } finally {
      await page.setViewportSize(LAPTOP);
    }
  }, 30_000);

  it("shows a ticket's custom fields with readable labels, nested values too, and staff edit them", async () => {
    const customers = await apiFromPage<{ items: { id: string }[] }>(page, "GET", `/customers?q=${encodeURIComponent(`Camille Lambert ${RUN}`)}`);
    const created = await apiFromPage<{ ticket: { number: number } }>(page, "POST", "/tickets", {
      subject: `Facture contestée ${RUN}`,
      channel: "email",
      customerId: customers.items[0]?.id,
      customFields: { invoiceNumber: "FAC-2026-0042", shipment: { carrier: "bpost", parcels: 2 }, contract_end: null },
    });
    await page.goto(`${server.baseUrl}/tickets/${created.ticket.number}`);
    const fields = page.getByTestId("custom-fields");
    await fields.waitFor();
    const invoice = fields.getByLabel("Invoice number");
    expect(await invoice.inputValue()).toBe("FAC-2026-0042");
    await expect(fields.textContent()).resolves.toMatch(/Shipment.*Carrier.*bpost.*Parcels.*2/);
    await expect(fields.textContent()).resolves.toContain("Contract end");
    await invoice.fill("FAC-2026-0043");
    await page.getByRole("form", { name: "Properties" }).getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId("custom-fields").getByLabel("Invoice number").inputValue()).toBe("FAC-2026-0043");
    const saved = await apiFromPage<{ customFields: Record<string, unknown> }>(page, "GET", `/tickets/${created.ticket.number}`);
    expect(saved.customFields).toEqual({ invoiceNumber: "FAC-2026-0043", shipment: { carrier: "bpost", parcels: 2 }, contract_end: null });
    await shot(page, "18-ticket-custom-fields");
  }, 30_000);

  it("signs out, and the session is over", async () => {
    await page.goto(server.baseUrl + "/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in to Palier" }).waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).status);
    expect(me).toBe(401);
  }, 30_000);
});
