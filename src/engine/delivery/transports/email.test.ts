// E-mail delivery end to end: a real SMTP server on loopback (smtp-server, with a login)
// receives what the worker sends through nodemailer; without SMTP_URL the message is kept in
// the built-in mailbox. On PGlite and PostgreSQL, on a manual clock.

import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../../core/clock.js";
import { enqueue } from "../../../store/outbox/outbox.js";
import { deadUrl, lastOutboxId, outboxRow, type SmtpReceiver, startSmtpReceiver } from "../../../../test/support/deliveryReceivers.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { type DeliveryWorker, startDeliveryWorker } from "../deliveryWorker.js";

describeStore("e-mail delivery", (get) => {
  const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
  let smtp: SmtpReceiver;
  const workers: DeliveryWorker[] = [];
  const start = (options: Partial<Parameters<typeof startDeliveryWorker>[0]> = {}) => {
    const worker = startDeliveryWorker({ database: get(), clock, background: false, random: () => 0, ...options });
    workers.push(worker);
    return worker;
  };
  const mail = async (to: string, payload: Record<string, unknown>) => {
    await enqueue(get().db, [{ kind: "email", address: to, payload }], clock.now());
    return lastOutboxId(get().db, "email", to);
  };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(() => smtp.close());

  it("sends through SMTP: the message arrives with its subject, bodies and delivery id", async () => {
    const id = await mail("lea.martin@example.org", {
      subject: "Ticket #42 : délai de première réponse dépassé",
      text: "Le ticket #42 attend une réponse depuis 2 h.",
      html: "<p>Le ticket <b>#42</b> attend une réponse depuis 2 h.</p>",
      locale: "fr",
    });
    expect(await start({ smtpUrl: smtp.url }).runOnce()).toMatchObject({ claimed: 1, delivered: 1 });

    const row = await outboxRow(get().db, id);
    expect(row).toMatchObject({ state: "delivered", transport: "smtp", attempts: 1 });
    const received = smtp.messages.at(-1)!;
    expect(received.subject).toBe("Ticket #42 : délai de première réponse dépassé");
    expect(received.text?.trim()).toBe("Le ticket #42 attend une réponse depuis 2 h.");
    expect(received.html).toContain("<b>#42</b>");
    expect(received.headers.get("x-palier-delivery-id")).toBe(row.deliveryId);
    expect(received.messageId).toBe(`<${row.deliveryId}@localhost>`);
    expect(received.headers.get("content-language")).toBe("fr");
    expect(received.from?.value[0]).toMatchObject({ name: "Palier", address: "palier@localhost" });
    expect(smtp.envelopes.at(-1)).toEqual({ user: "palier", from: "palier@localhost", to: ["lea.martin@example.org"] });
  });

  it("sends from PALIER_MAIL_FROM, with Message-IDs of its domain", async () => {
    const id = await mail("jan.peeters@example.be", { subject: "Escalatie niveau 1", text: "Ticket #7 is geëscaleerd.", locale: "nl" });
    await start({ smtpUrl: smtp.url, mailFrom: "Support Palier <support@helpdesk.example.be>" }).runOnce();
    const received = smtp.messages.at(-1)!;
    expect(received.from?.value[0]).toMatchObject({ name: "Support Palier", address: "support@helpdesk.example.be" });
    expect(received.messageId).toBe(`<${(await outboxRow(get().db, id)).deliveryId}@helpdesk.example.be>`);
    expect(received.html).toBe(false);
  });

  it("retries while the SMTP server is unreachable, and refuses wrong credentials the same way", async () => {
    const down = (await deadUrl()).replace(/^http:\/\/(.*)\/hooks\/palier$/, "smtp://$1");
    const id = await mail("down@example.org", { subject: "Rappel", text: "…" });
    expect(await start({ smtpUrl: down }).runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await outboxRow(get().db, id)).toMatchObject({ state: "pending", attempts: 1 });
    expect((await outboxRow(get().db, id)).lastError).toMatch(/ECONNREFUSED/);

    clock.advance(30_000);
    const wrong = smtp.url.replace("s3cret", "wrong");
    expect(await start({ smtpUrl: wrong }).runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await outboxRow(get().db, id)).lastError).toMatch(/invalid username or password|535/i);

    clock.advance(60_000);
    const count = smtp.messages.length;
    expect(await start({ smtpUrl: smtp.url }).runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(smtp.messages).toHaveLength(count + 1);
  });

  it("keeps the message in the built-in mailbox when no SMTP server is configured", async () => {
    const count = smtp.messages.length;
    const id = await mail("mailbox@example.org", { subject: "Dans la boîte", text: "Gardé ici.", locale: "fr" });
    expect(await start().runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await outboxRow(get().db, id)).toMatchObject({ state: "delivered", transport: "mailbox" });
    expect(smtp.messages).toHaveLength(count);
  });

  it("kills an e-mail without a subject, or to something that is not an address, at once", async () => {
    const noSubject = await mail("someone@example.org", { text: "no subject" });
    const notAnAddress = await mail("not an address", { subject: "x", text: "y" });
    expect(await start().runOnce()).toMatchObject({ claimed: 2, dead: 2 });
    expect(await outboxRow(get().db, noSubject)).toMatchObject({ state: "dead", lastError: "the email payload has no subject (a non-empty string)" });
    expect(await outboxRow(get().db, notAnAddress)).toMatchObject({ state: "dead", lastError: '"not an address" is not an e-mail address' });
  });
});
