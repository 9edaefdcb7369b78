// IMAP mailboxes in the browser app, against the real `palier serve` and a real Dovecot: an admin
// adds a mailbox for the billing team, tests the connection (a wrong password said in French,
// then the right one), saves it and sees it connected; a message appended to the mailbox becomes
// a ticket of that team. Screenshots in test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ImapFlow } from "imapflow";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dovecotAvailable, startDovecot, type Dovecot } from "../support/dovecot.js";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const PASSWORD = "boite-facturation-7";
const RUN = `imap${Date.now().toString(36)}`;

const suite = browserAvailable() && dovecotAvailable() ? describe : describe.skip;

suite("IMAP mailboxes in the browser app", () => {
  let server: RunningServer;
  let browser: Browser;
  let dovecot: Dovecot;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dovecot = await startDovecot({ facturation: PASSWORD });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-BE" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
  }, SUITE_START_MS);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
    await dovecot?.stop();
  });

  it("adds a mailbox, says what is wrong with a connection in French, and shows it connected", async () => {
    await signInAs(page, server.baseUrl, server.email, server.password, "Boîte de réception", "fr");
    await page.goto(`${server.baseUrl}/admin/mailboxes`);
    await page.getByRole("heading", { level: 1, name: "Boîtes aux lettres IMAP" }).waitFor();
    await page.getByRole("button", { name: "Ajouter une boîte" }).click();
    const form = page.getByRole("form", { name: "Nouvelle boîte aux lettres" });
    await form.getByLabel("Nom", { exact: true }).fill(`Facturation ${RUN}`);
    await form.getByLabel("Équipe").selectOption({ label: "Facturation / Billing" });
    await form.getByLabel("Adresse").fill(`facturation.${RUN}@demo.palier.local`);
    await form.getByLabel("Serveur IMAP").fill("127.0.0.1");
    await form.getByLabel("Sécurité").selectOption("none");
    await form.getByLabel("Port").fill(String(dovecot.port));
    await form.getByLabel("Nom d'utilisateur").fill("facturation");
    await form.getByLabel("Mot de passe").fill("pas-le-bon");
    await form.getByRole("button", { name: "Tester la connexion" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toContain("Le serveur a refusé le nom d'utilisateur ou le mot de passe.");
    await page.screenshot({ path: `${ARTIFACTS}mailboxes-test-failed-fr.png` });
    await form.getByLabel("Mot de passe").fill(PASSWORD);
    await form.getByRole("button", { name: "Tester la connexion" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toContain("La connexion fonctionne");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const row = page.locator(".mailboxes li", { hasText: `Facturation ${RUN}` });
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 20_000 }).toBe("idle");
    await expect.poll(() => row.textContent()).toContain("Connectée, en attente de courrier");
    await page.screenshot({ path: `${ARTIFACTS}mailboxes-connected-fr.png` });
    const listed = await apiFromPage<{ items: Record<string, unknown>[] }>(page, "GET", "/admin/mailboxes");
    expect(JSON.stringify(listed)).not.toContain(PASSWORD);
  }, 90_000);

  it("turns a message appended to the mailbox into a ticket of its team", async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: "facturation", pass: PASSWORD },
      logger: false,
    });
    client.on("error", () => undefined);
    await client.connect();
    const subject = `Facture introuvable ${RUN}`;
    await client.append(
      "INBOX",
      [
        `From: Chloé Renard <chloe.${RUN}@example.fr>`,
        `To: facturation.${RUN}@demo.palier.local`,
        `Subject: ${subject}`,
        `Message-ID: <${RUN}@example.fr>`,
        "",
        "Je ne trouve pas ma facture de novembre.",
        "",
      ].join("\r\n"),
    );
    await client.logout();
    const taken = async () =>
      (await apiFromPage<{ items: { subject: string; outcome: string; ticketNumber: number | null }[] }>(page, "GET", "/admin/mail?outcome=ticket")).items.find(
        (mail) => mail.subject === subject,
      );
    await expect.poll(taken, { timeout: 20_000 }).toBeDefined();
    const ticket = await apiFromPage<{ subject: string; channel: string; teamId: string }>(page, "GET", `/tickets/${(await taken())?.ticketNumber}`);
    const teams = await apiFromPage<{ items: { id: string; name: string }[] }>(page, "GET", "/teams?limit=100");
    expect(ticket).toMatchObject({ subject, channel: "email", teamId: teams.items.find((team) => team.name === "Facturation / Billing")?.id });
    await page.goto(`${server.baseUrl}/admin/mailboxes`);
    await expect.poll(() => page.locator(".mailboxes li", { hasText: `Facturation ${RUN}` }).textContent()).toContain("Dernier message relevé");
  }, 60_000);
});
