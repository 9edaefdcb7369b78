// The self-care widget end to end in real Chromium: a customer's page on another loopback origin,
// under a strict content security policy, loads /widget.js from `palier serve`; the visitor
// searches, reads an article and says it answered (counted as deflected); another writes through
// the contact form, which suggests articles as they type, and an agent sees their journey on the
// ticket. In English, French and Dutch, with no CSP violation and no layout shift.

import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/core/i18n/locales/en/widget.json" with { type: "json" };
import fr from "../../src/core/i18n/locales/fr/widget.json" with { type: "json" };
import nl from "../../src/core/i18n/locales/nl/widget.json" with { type: "json" };
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { freePort, startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const TEXTS = { en: en.texts, fr: fr.texts, nl: nl.texts };
type Lang = keyof typeof TEXTS;
/** Makes this run's article easy to tell from the demo's. */
const RUN = `e2e${Date.now().toString(36)}`;
/** The article this run publishes, in the three languages. */
const ARTICLE = {
  en: {
    slug: `reset-your-password-${RUN}`,
    title: `Reset your password ${RUN}`,
    body: "Open **Account**, choose *Forgot password* and follow the link we e-mail you.",
  },
  fr: {
    slug: `reinitialiser-mot-de-passe-${RUN}`,
    title: `Réinitialiser votre mot de passe ${RUN}`,
    body: "Ouvrez **Compte**, choisissez *Mot de passe oublié* et suivez le lien reçu par e-mail.",
  },
  nl: {
    slug: `wachtwoord-herstellen-${RUN}`,
    title: `Uw wachtwoord herstellen ${RUN}`,
    body: "Open **Account**, kies *Wachtwoord vergeten* en volg de link in de e-mail.",
  },
};

interface Hit {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  language: string;
  category: string | null;
}

interface Stats {
  deflected: number;
  requests: number;
  articles: { slug: string; helpful: number; notHelpful: number }[];
}

const suite = browserAvailable() ? describe : describe.skip;

suite("the self-care widget on a customer's site", () => {
  let server: RunningServer;
  let browser: Browser;
  let host: Server;
  let hostOrigin = "";
  let staff: { cookie: string; csrf: string };

  /** Calls the API as the admin, from outside the browser. */
  async function asStaff<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json", Cookie: staff.cookie, "X-CSRF-Token": staff.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** This run's article in `lang` as a search for `query` finds it, through the public API the widget uses. */
  async function articleFor(query: string, lang: Lang): Promise<Hit> {
    const response = await fetch(`${server.baseUrl}/api/v1/public/kb/search?${new URLSearchParams({ q: `${query} ${RUN}`, lang, limit: "10" }).toString()}`);
    expect(response.status, `the knowledge base answers a search for ${query}`).toBe(200);
    const { results } = (await response.json()) as { results: Hit[] };
    const hit = results.find((r) => r.slug === ARTICLE[lang].slug);
    expect(hit, `the search for ${query} in ${lang} finds ${ARTICLE[lang].slug} among ${JSON.stringify(results.map((r) => r.slug))}`).toBeDefined();
    return hit as Hit;
  }

  const stats = () => {
    const day = 86_400_000;
    const now = Date.now();
    return asStaff<Stats>(`/selfcare/stats?from=${new Date(now - 60 * day).toISOString()}&to=${new Date(now + day).toISOString()}`);
  };

  /**
   * A page of the customer's site in `lang`, with the widget's tag and a policy that allows
   * Palier's origin for scripts and calls and nothing else: no inline script, no inline style.
   */
  function shopPage(lang: Lang, title: string): string {
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p id="content">Order 4411 – desk lamp – shipped.</p>
<script src="${server.baseUrl}/widget.js" data-team="support-technique" async></script></body></html>`;
  }

  /** A fresh browser page on the customer's site that records CSP violations and layout shifts. */
  async function openShop(
    context: BrowserContext,
    lang: Lang,
    path: string,
    title: string,
  ): Promise<{ page: Page; violations: () => Promise<string[]>; shift: () => Promise<number> }> {
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[]; __shift: number };
      w.__violations = [];
      w.__shift = 0;
      document.addEventListener("securitypolicyviolation", (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      new PerformanceObserver((list) => {
        // Shifts right after the visitor's own input (the panel opening, results coming in) are theirs, not the load's.
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await context.newPage();
    const console: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
    });
    await page.goto(`${hostOrigin}${path}?lang=${lang}&title=${encodeURIComponent(title)}`);
    return {
      page,
      violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))],
      shift: () => page.evaluate(() => (window as unknown as { __shift: number }).__shift),
    };
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: server.email, password: server.password }),
    });
    const session = (await login.json()) as { csrfToken: string };
    staff = { cookie: (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "", csrf: session.csrfToken };
    await asStaff("/kb/articles", {
      categoryId: null,
      fallbackLanguage: "fr",
      translations: (["en", "fr", "nl"] as const).map((language) => ({ language, ...ARTICLE[language], status: "published" })),
    });

    // The customer's site: another origin (its own port) with a strict policy.
    const port = await freePort();
    hostOrigin = `http://localhost:${port}`;
    host = createServer((request, response) => {
      const url = new URL(request.url ?? "/", hostOrigin);
      const lang = (url.searchParams.get("lang") ?? "en") as Lang;
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `default-src 'none'; script-src ${server.baseUrl}; connect-src ${server.baseUrl}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`,
      });
      response.end(shopPage(lang, url.searchParams.get("title") ?? "Shop"));
    });
    await new Promise<void>((resolve) => host.listen(port, "localhost", resolve));
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    if (host) await new Promise((resolve) => host.close(resolve));
    await server?.stop();
  }, 30_000);

  it("serves the script cached, to any origin, and small", async () => {
    const response = await fetch(`${server.baseUrl}/widget.js`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const again = await fetch(`${server.baseUrl}/widget.js`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  for (const [lang, query, title] of [
    ["en", "password", "Reset my password"],
    ["fr", "mot de passe", "Réinitialiser mon mot de passe"],
    ["nl", "wachtwoord", "Wachtwoord herstellen"],
  ] as const) {
    it(`walks a visitor from a search to an article that answered, counted as deflected, in ${lang}`, async () => {
      const t = TEXTS[lang];
      const article = await articleFor(query, lang);
      const before = await stats();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
      context.setDefaultTimeout(20_000);
      const shop = await openShop(context, lang, "/account/password", title);
      const { page } = shop;

      const launcher = page.getByRole("button", { name: t.launcher, exact: true });
      await launcher.waitFor();
      // Loading the widget moved nothing on the page.
      expect(await shop.shift()).toBe(0);
      await launcher.click();
      expect(await launcher.getAttribute("aria-expanded")).toBe("true");
      await page.getByRole("dialog", { name: t.title }).waitFor();
      // The search field has the focus and a label; the keyboard alone searches.
      await page.keyboard.type(`${query} ${RUN}`);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: t.results }).waitFor();
      await page.getByRole("dialog").getByRole("button", { name: article.title }).first().click();
      await page.getByRole("heading", { level: 2, name: article.title }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}widget-article-${lang}.png` });
      await page.getByRole("group", { name: t.answered }).getByRole("button", { name: t.yes, exact: true }).click();
      await page.getByText(t.thanksHelped).waitFor();

      // Escape closes the help and gives the focus back to the launcher.
      await page.keyboard.press("Escape");
      expect(await launcher.getAttribute("aria-expanded")).toBe("false");
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe("palier-help");

      await expect.poll(async () => (await stats()).deflected, { timeout: 10_000 }).toBe(before.deflected + 1);
      const counted = (await stats()).articles.find((a) => a.slug === article.slug);
      expect(counted?.helpful).toBe((before.articles.find((a) => a.slug === article.slug)?.helpful ?? 0) + 1);
      expect(await shop.violations()).toEqual([]);
      await context.close();
    }, 120_000);
  }

  for (const [lang, query, subject] of [
    ["en", "password", "I cannot reset my password"],
    ["nl", "wachtwoord", "Ik kan mijn wachtwoord niet herstellen"],
  ] as const) {
    it(`turns the contact form into a ticket whose journey an agent reads, suggesting articles as the visitor types, in ${lang}`, async () => {
      const t = TEXTS[lang];
      const article = await articleFor(query, lang);
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
      context.setDefaultTimeout(20_000);
      const shop = await openShop(context, lang, "/contact", "Contact");
      const { page } = shop;
      await page.getByRole("button", { name: t.launcher, exact: true }).click();
      await page.getByRole("searchbox", { name: t.searchLabel }).fill(`${query} ${RUN}`);
      await page.getByRole("button", { name: t.searchButton }).click();
      await page.getByRole("heading", { name: t.results }).waitFor();
      await page.getByRole("dialog").getByRole("button", { name: article.title }).first().click();
      await page.getByRole("button", { name: t.no, exact: true }).click();
      await page.getByText(t.thanksNotHelped).waitFor();
      await page
        .getByRole("button", { name: `← ${t.back}` })
        .first()
        .click();
      await page.getByRole("button", { name: t.contactOpen }).click();

      // An empty form is refused beside its fields, in the visitor's language.
      await page.getByRole("button", { name: t.send }).click();
      await page.getByText(t.required).first().waitFor();
      expect(await page.getByLabel(t.name).getAttribute("aria-invalid")).toBe("true");

      await page.getByLabel(t.name).fill("Lotte Peeters");
      await page.getByLabel(t.email).fill(`lotte.${lang}.${Date.now().toString(36)}@example.be`);
      await page.getByLabel(t.subject).fill(subject);
      await page.getByLabel(t.message).pressSequentially(`${query} `, { delay: 20 });
      await page.getByRole("heading", { name: t.mightAnswer }).waitFor();
      await page.getByLabel(t.message).fill(`${subject}. ${query}?`);
      await page.getByRole("button", { name: t.send }).click();
      const sent = page.getByRole("status").filter({ hasText: t.sent.split("{number}")[0]?.trim() ?? "" });
      await sent.waitFor();
      const number = Number(/(\d+)/.exec((await sent.textContent()) ?? "")?.[1]);
      expect(number).toBeGreaterThan(0);
      await page.screenshot({ path: `${ARTIFACTS}widget-sent-${lang}.png` });
      expect(await shop.violations()).toEqual([]);

      const ticket = await asStaff<{ channel: string; subject: string }>(`/tickets/${number}`);
      expect(ticket).toMatchObject({ channel: "web", subject });

      // The agent reads the journey on the ticket, in their own language.
      const staffPage = await context.newPage();
      await staffPage.setViewportSize({ width: 1280, height: 900 });
      await signInAs(staffPage, server.baseUrl, server.email, server.password);
      await staffPage.goto(`${server.baseUrl}/tickets/${number}`);
      const panel = staffPage.getByRole("region", { name: "Self-care before writing" });
      await panel.waitFor();
      await panel.getByText(`Searched “${query} ${RUN}”`).waitFor();
      await panel.getByText(`Read “${article.title}”`).waitFor();
      await panel.getByText(`Said “${article.title}” did not answer the question`).waitFor();
      await panel.getByText("Wrote this request").waitFor();
      await staffPage.screenshot({ path: `${ARTIFACTS}widget-journey-${lang}.png`, fullPage: true });
      await context.close();
    }, 180_000);
  }

  it("styles itself with a <style> element in a browser without constructable stylesheets", async () => {
    // Safari before 16.4: no adoptedStyleSheets. The page's policy is set aside here, as a page
    // that allows inline styles would; under a strict one the widget works unstyled.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await context.addInitScript(() => {
      delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/account?lang=en&title=${encodeURIComponent("Account")}`);
    const launcher = page.getByRole("button", { name: en.texts.launcher, exact: true });
    await launcher.waitFor();
    const styled = await page.evaluate(() => {
      const host = document.querySelector("palier-help");
      return { styles: host?.shadowRoot?.querySelectorAll("style").length ?? 0, position: host ? getComputedStyle(host).position : "" };
    });
    expect(styled).toEqual({ styles: 1, position: "fixed" });
    await launcher.click();
    await page.getByRole("dialog", { name: en.texts.title }).waitFor();
    await context.close();
  }, 60_000);

  it("shows the demonstration shop page with the widget under its strict policy", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${server.baseUrl}/demo/widget?lang=fr`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("button", { name: fr.texts.launcher, exact: true }).click();
    await page.getByRole("dialog", { name: fr.texts.title }).waitFor();
    expect(refused).toEqual([]);
    await context.close();
  }, 60_000);
});
