// The customer portal end to end, in real Chromium against the real `palier serve` and its demo:
// a customer signs in, sees their own requests only, reads one without its internal notes,
// replies (reopening a solved one), opens a new request and signs out, in French, Dutch and
// English, at a laptop's and a phone's width. Screenshots go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/core/i18n/locales/en/app.json" with { type: "json" };
import fr from "../../src/core/i18n/locales/fr/app.json" with { type: "json" };
import nl from "../../src/core/i18n/locales/nl/app.json" with { type: "json" };
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The demo's customer with a password (README, start-up banner); her language is French. */
const CUSTOMER = { email: "marie.dubois@example.com", password: "demo-palier" };
/** Makes this run's texts easy to find among the demo's. */
const RUN = `e2e${Date.now().toString(36)}`;

interface TicketJson {
  number: number;
  status: string;
  customerId: string;
  channel: string;
  subject: string;
}

const suite = browserAvailable() ? describe : describe.skip;

/**
 * The English messages of the app that would give away an untranslated screen in `other`:
 * plain messages (no arguments) that read differently there, of more than three characters.
 * The switcher names each language in itself ("English" among them), so its names are left out,
 * and so are words English shares with French or Dutch.
 */
function englishGiveaways(other: Record<string, string>): RegExp[] {
  // A word English shares with another language the app speaks ("minutes" in French) may be in a
  // customer's own message: it gives nothing away.
  const sharedWord = (key: string, text: string) => (fr as Record<string, string>)[key] === text || (nl as Record<string, string>)[key] === text;
  return Object.entries(en as Record<string, string>)
    .filter(([key, text]) => !key.startsWith("language.") && !text.includes("{") && text.length > 3 && other[key] !== text && !sharedWord(key, text))
    .map(([, text]) => new RegExp(`(^|[^\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u"));
}

suite("the customer portal", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staff: { cookie: string; csrf: string };
  let customerId = "";
  let ownNumbers: number[] = [];

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}portal-${name}.png`, fullPage: true });

  /** Calls the API as the admin, from outside the browser. */
  async function asStaff<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { "Content-Type": "application/json", Cookie: staff.cookie, "X-CSRF-Token": staff.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Calls the API from the page, with the customer's session cookie and CSRF token. */
  async function asCustomer(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const me = (await (await fetch("/api/v1/auth/me")).json()) as { csrfToken: string };
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, text: await response.text() };
      },
      { method, path, body },
    );
  }

  /** The English catalogue messages the visible page shows, which a French or Dutch screen must not. */
  async function englishOn(other: Record<string, string>): Promise<string[]> {
    const text = await page.locator("body").innerText();
    return englishGiveaways(other)
      .filter((pattern) => pattern.test(text))
      .map((pattern) => pattern.source);
  }

  async function listedNumbers(): Promise<number[]> {
    await page.locator(".portal-request").first().waitFor();
    return (await page.locator(".portal-request").evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-request"))))).sort((a, b) => a - b);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The demo is seeded at the first start: allow for a busy machine.
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: server.email, password: server.password }),
    });
    const session = (await login.json()) as { csrfToken: string };
    staff = { cookie: (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "", csrf: session.csrfToken };
    const customers = await asStaff<{ items: { id: string; email: string | null }[] }>("GET", `/customers?q=${encodeURIComponent(CUSTOMER.email)}`);
    customerId = customers.items.find((c) => c.email === CUSTOMER.email)?.id ?? "";
    const own = await asStaff<{ items: TicketJson[] }>("GET", `/customers/${customerId}/tickets?limit=100`);
    ownNumbers = own.items.map((t) => t.number).sort((a, b) => a - b);
    context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    // A missing element fails its test in seconds, not at the test's own time limit.
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("leads a customer from the staff login to the portal's sign-in, refuses a wrong password, and signs in with the keyboard", async () => {
    expect(customerId).not.toBe("");
    expect(ownNumbers.length).toBeGreaterThan(1);
    await page.goto(server.baseUrl + "/");
    await page.getByRole("link", { name: "Are you a customer? Go to the customer portal" }).click();
    await page.waitForURL(/\/portal$/);
    await page.getByRole("heading", { level: 1, name: "Sign in to the customer portal" }).waitFor();
    await page.getByLabel("E-mail").fill(CUSTOMER.email);
    await page.getByLabel("Password").fill("not-her-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong e-mail or password.");
    await page.getByLabel("Password").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(CUSTOMER.password);
    await page.keyboard.press("Enter");
    // The portal speaks her language (French) since this browser chose none.
    await page.getByRole("heading", { level: 1, name: "Mes demandes" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await shot("01-requests-fr-laptop");
  }, 60_000);

  it("lists her own requests only, with no English on the French screen", async () => {
    expect(await listedNumbers()).toEqual(ownNumbers);
    expect(await englishOn(fr as Record<string, string>)).toEqual([]);
    for (const word of ["In progress", "Waiting on you", "Solved", "Received", "Updated", "Request #"]) {
      expect(await page.locator("body").innerText()).not.toContain(word);
    }
  }, 60_000);

  it("keeps the agent screens and other customers' tickets out of her reach", async () => {
    const others = await asStaff<{ items: TicketJson[] }>("GET", "/tickets?limit=50&sort=number&order=asc");
    const other = others.items.find((t) => t.customerId !== customerId);
    expect(other).toBeDefined();
    const number = other?.number ?? 0;
    for (const path of ["/inbox", "/sla/policies", "/admin/mailbox", `/tickets/${number}`]) {
      await page.goto(server.baseUrl + path);
      await page.waitForURL(/\/portal$/);
      await page.getByRole("heading", { level: 1, name: "Mes demandes" }).waitFor();
    }
    await page.goto(`${server.baseUrl}/portal/requests/${number}`);
    await page.getByRole("heading", { level: 1, name: "Cette demande n’existe pas, ou elle n’est pas la vôtre." }).waitFor();
    expect(await page.locator("body").innerText()).not.toContain(other?.subject ?? "?");
    // And from outside the screens, the API answers as if the ticket did not exist.
    expect((await asCustomer("GET", `/tickets/${number}`)).status).toBe(404);
    expect((await asCustomer("GET", `/tickets/${number}/messages`)).status).toBe(404);
  }, 60_000);

  it("shows a request's public conversation without its internal note, and takes her reply", async () => {
    await page.getByTestId("language").selectOption("en");
    const open = (await asStaff<{ items: TicketJson[] }>("GET", `/customers/${customerId}/tickets?limit=100`)).items.find(
      (t) => t.status !== "solved" && t.status !== "closed",
    );
    const number = open?.number ?? 0;
    await asStaff("POST", `/tickets/${number}/messages`, { kind: "reply", text: `We are on it ${RUN}` });
    await asStaff("POST", `/tickets/${number}/messages`, { kind: "note", text: `Internal: customer is difficult ${RUN}` });
    await asStaff("PATCH", `/tickets/${number}`, { tags: ["vip-watch"] });

    await page.goto(server.baseUrl + "/portal");
    await page.getByRole("heading", { level: 1, name: "My requests" }).waitFor();
    await page.locator(`.portal-request[data-request="${number}"] a`).click();
    await page.waitForURL(new RegExp(`/portal/requests/${number}$`));
    await page.getByText(`We are on it ${RUN}`).waitFor();
    const html = await page.content();
    expect(html).not.toContain("Internal: customer is difficult");
    expect(html).not.toContain("vip-watch");
    const shown = await page.locator("main").innerText();
    for (const staffOnly of ["Priority", "Tier", "Team", "Assignee", "Tags", "SLA", "Internal note"]) expect(shown).not.toContain(staffOnly);
    expect(await page.locator(".portal-message").evaluateAll((items) => items.map((item) => item.getAttribute("data-from")))).toContain("team");

    await page.getByLabel("Your reply").fill(`Thank you, still waiting ${RUN}`);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").filter({ hasText: "Your message has been sent." }).waitFor();
    await page.locator(".portal-message-customer").last().getByText(`Thank you, still waiting ${RUN}`).waitFor();
    const messages = await asStaff<{ items: { kind: string; bodyText: string; authorCustomerId: string | null }[] }>("GET", `/tickets/${number}/messages`);
    expect(messages.items.at(-1)).toMatchObject({ kind: "customer", authorCustomerId: customerId, bodyText: `Thank you, still waiting ${RUN}` });
    await shot("02-request-en-laptop");
  }, 60_000);

  it("says that replying to a solved request reopens it, and reopens it", async () => {
    // The team solves one of her requests (whatever state the demo left them in).
    const unsolved = (await asStaff<{ items: TicketJson[] }>("GET", `/customers/${customerId}/tickets?limit=100`)).items.find(
      (t) => t.status !== "solved" && t.status !== "closed",
    );
    const number = unsolved?.number ?? 0;
    await asStaff("PATCH", `/tickets/${number}`, { status: "solved" });
    await page.goto(`${server.baseUrl}/portal/requests/${number}`);
    await page.locator(".portal-status").filter({ hasText: "Solved" }).waitFor();
    await page.getByText("Sending a message reopens this request.").waitFor();
    await page.getByLabel("Reply to reopen this request").fill(`It happened again ${RUN}`);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").filter({ hasText: "Your message has been sent, and the request is open again." }).waitFor();
    await page.locator(".portal-status").filter({ hasText: "In progress" }).waitFor();
    expect((await asStaff<TicketJson>("GET", `/tickets/${number}`)).status).toBe("open");
  }, 60_000);

  it("opens a new request from the web, which the team then sees as hers", async () => {
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "New request" }).click();
    await page.getByRole("heading", { level: 1, name: "New request" }).waitFor();
    const subject = `Router keeps rebooting ${RUN}`;
    await page.getByLabel("Subject").fill(subject);
    await page.getByLabel("Your message").fill("It reboots every ten minutes since yesterday.");
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.getByText("Your request has been sent. We will answer you here.").waitFor();
    await page.locator(".portal-status").filter({ hasText: "Received" }).waitFor();
    const number = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await asStaff<TicketJson>("GET", `/tickets/${number}`)).toMatchObject({ subject, customerId, channel: "web", status: "new" });

    await page.getByRole("link", { name: "All my requests" }).click();
    await page.getByRole("heading", { level: 1, name: "My requests" }).waitFor();
    expect(await listedNumbers()).toContain(number);
  }, 60_000);

  it("reads in Dutch at a phone's width, with no English and nothing wider than the screen", async () => {
    await page.setViewportSize(PHONE);
    await page.getByTestId("language").selectOption("nl");
    await page.getByRole("heading", { level: 1, name: "Mijn aanvragen" }).waitFor();
    expect(await englishOn(nl as Record<string, string>)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot("03-requests-nl-phone");
    await page.locator(".portal-request a").first().click();
    await page.getByLabel(/^(Uw antwoord|Antwoorden om deze aanvraag te heropenen)$/).waitFor();
    expect(await englishOn(nl as Record<string, string>)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot("04-request-nl-phone");
  }, 60_000);

  it("signs out to the portal's sign-in, after which her requests are out of reach", async () => {
    const address = page.url();
    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Aanmelden bij het klantenportaal" }).waitFor();
    await page.goto(address);
    await page.getByRole("heading", { level: 1, name: "Aanmelden bij het klantenportaal" }).waitFor();
    expect(await page.locator(".portal-conversation").count()).toBe(0);
    expect((await asCustomer("GET", "/tickets")).status).toBe(401);
  }, 60_000);
});
