// E-mail end to end, in real Chromium against the real `palier serve`: a customer's mail with
// an attachment reaches Palier's SMTP receiver and becomes a ticket of the team it was sent to;
// an agent reads it, downloads its file and answers in the app; the answer arrives in the
// customer's mailbox (a second SMTP server on loopback), from the team's address, threaded; the
// customer's answer to it comes back to the ticket. Screenshots in English, French and Dutch.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createTransport } from "nodemailer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpReceiver, startSmtpReceiver } from "../support/deliveryReceivers.js";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { freePort, startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 800 };
const AGENT = "sanne.devos@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";
const BILLING = "facturation@demo.palier.local";
const RUN = `mail${Date.now().toString(36)}`;
const CUSTOMER = `sophie.${RUN}@example.fr`;

const suite = browserAvailable() ? describe : describe.skip;

suite("e-mail in the browser app", () => {
  let server: RunningServer;
  let browser: Browser;
  let mailbox: SmtpReceiver;
  let smtpIn: number;
  let page: Page;
  let number = 0;
  const subject = `Double prélèvement sur ma facture ${RUN}`;
  const shot = (target: Page, name: string) => target.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });

  async function sendToPalier(lines: string[]): Promise<void> {
    const transport = createTransport({ host: "127.0.0.1", port: smtpIn, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ envelope: { from: CUSTOMER, to: [BILLING] }, raw: lines.join("\r\n") });
    } finally {
      transport.close();
    }
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    mailbox = await startSmtpReceiver();
    smtpIn = await freePort();
    [server, browser] = await Promise.all([startServer({}, undefined, { SMTP_URL: mailbox.url, SMTP_IN_PORT: String(smtpIn) }), launchBrowser()]);
    const context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, SUITE_START_MS);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
    await mailbox?.close();
  });

  it("turns a customer's mail with an attachment into a ticket of the team it was sent to", async () => {
    await sendToPalier([
      `From: Sophie Lambert <${CUSTOMER}>`,
      `To: Facturation <${BILLING}>`,
      `Subject: ${subject}`,
      `Message-ID: <${RUN}.1@example.fr>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Bonjour, j'ai été prélevée deux fois ce mois-ci. Voici mon relevé.",
      "--b",
      'Content-Type: application/pdf; name="releve-mars.pdf"',
      'Content-Disposition: attachment; filename="releve-mars.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4 relevé de mars").toString("base64"),
      "--b--",
      "",
    ]);
    await signInAs(page, server.baseUrl, AGENT, DEMO_PASSWORD);
    const found = await apiFromPage<{ items: { number: number; subject: string; channel: string }[] }>(page, "GET", `/tickets?view=all&q=${RUN}`);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ subject, channel: "email" });
    number = found.items[0]?.number as number;

    await page.goto(`${server.baseUrl}/tickets/${number}`);
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    const message = page.locator(".message-customer", { hasText: "prélevée deux fois" });
    await message.waitFor();
    const file = message.getByRole("link", { name: /releve-mars\.pdf/ });
    await file.waitFor();
    const download = await Promise.all([page.waitForEvent("download"), file.click()]).then(([event]) => event);
    expect(download.suggestedFilename()).toBe("releve-mars.pdf");
    await shot(page, "email-01-ticket-from-mail-laptop");
  }, 60_000);

  it("sends the agent's answer to the customer's mailbox, from the team's address and threaded", async () => {
    const answer = "Bonjour Madame Lambert, le second prélèvement vous sera remboursé sous 3 jours.";
    await page.getByPlaceholder("Your reply to the customer…").fill(answer);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".message-reply", { hasText: answer }).waitFor();
    await expect
      .poll(() => mailbox.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === CUSTOMER).length, { timeout: 20_000 })
      .toBe(1);
    const sent = mailbox.messages.find((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === CUSTOMER)!;
    expect(sent.subject).toBe(`Re : ${subject} [#${number}]`);
    expect(sent.from?.value[0]?.address).toBe(BILLING);
    expect(sent.inReplyTo).toBe(`<${RUN}.1@example.fr>`);
    expect(sent.text?.trim()).toBe(answer);

    await sendToPalier([
      `From: Sophie Lambert <${CUSTOMER}>`,
      `To: ${BILLING}`,
      `Subject: Re: ${subject} [#${number}]`,
      `Message-ID: <${RUN}.2@example.fr>`,
      `In-Reply-To: ${sent.messageId}`,
      "",
      "Merci beaucoup, c'est parfait.",
    ]);
    await page.reload();
    await page.locator(".message-customer", { hasText: "Merci beaucoup" }).waitFor();
    await shot(page, "email-02-answer-and-reply-laptop");
  }, 60_000);

  it("says the e-mail ticket's words in French and Dutch", async () => {
    for (const [language, name] of [
      ["fr", "email-03-ticket-from-mail-french-laptop"],
      ["nl", "email-04-ticket-from-mail-dutch-laptop"],
    ] as const) {
      await apiFromPage(page, "PATCH", "/auth/me", { locale: language });
      await page.goto(`${server.baseUrl}/tickets/${number}`);
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      const link = page
        .locator(".message-customer")
        .first()
        .getByRole("link", { name: /releve-mars\.pdf/ });
      await expect(link.getAttribute("title")).resolves.toBe(language === "fr" ? "Télécharger releve-mars.pdf" : "releve-mars.pdf downloaden");
      await shot(page, name);
    }
    await apiFromPage(page, "PATCH", "/auth/me", { locale: "en" });
  }, 60_000);

  it("shows the admin what became of each message, a message without a sender kept as an error", async () => {
    await sendToPalier([`To: ${BILLING}`, `Subject: Sans expéditeur ${RUN}`, `Message-ID: <${RUN}.3@example.fr>`, "", "Qui m'a écrit ?"]);
    const context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    const admin = await context.newPage();
    await signInAs(admin, server.baseUrl, server.email, server.password);
    await admin.goto(`${server.baseUrl}/admin/mail`);
    await admin.getByRole("heading", { level: 1, name: "Received mail" }).waitFor();
    const kept = admin.locator('.received-mail li[data-outcome="error"]', { hasText: `Sans expéditeur ${RUN}` });
    await kept.waitFor();
    await expect(kept.textContent()).resolves.toContain("No sender");
    await kept.getByRole("button", { name: `Take again: Sans expéditeur ${RUN}` }).click();
    const status = admin.getByRole("status").filter({ hasText: `Sans expéditeur ${RUN}` });
    await status.waitFor();
    await expect(status.textContent()).resolves.toBe(`Sans expéditeur ${RUN}: Still an error`);
    await shot(admin, "email-05-received-mail-admin-laptop");
    await admin.getByLabel("Show").selectOption("");
    await admin.locator('.received-mail li[data-outcome="ticket"]', { hasText: subject }).waitFor();
    await apiFromPage(admin, "PATCH", "/auth/me", { locale: "fr" });
    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: "Courrier reçu" }).waitFor();
    await shot(admin, "email-06-received-mail-admin-french-laptop");
    await apiFromPage(admin, "PATCH", "/auth/me", { locale: "nl" });
    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: "Ontvangen mail" }).waitFor();
    await shot(admin, "email-07-received-mail-admin-dutch-laptop");
    await apiFromPage(admin, "PATCH", "/auth/me", { locale: "en" });
    await context.close();
  }, 60_000);
});
