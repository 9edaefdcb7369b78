// E-mail in and out for real on loopback, on PGlite and PostgreSQL, on a manual clock: a
// customer's mail reaches Palier's SMTP receiver and opens a ticket for the team whose address
// it was sent to; the agent's reply leaves through the outbox to a second SMTP server, threaded
// and from the team's address; the customer's answer to it comes back to the same ticket; an
// out-of-office reply and a bounce are kept on the ticket without reopening it; a message sent
// twice makes one ticket; an oversized one is refused; one without a sender is kept, not lost.

import { createServer, type AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type SmtpReceiver as PalierReceiver, startSmtpReceiver as startPalierReceiver } from "../../src/channels/email/smtpReceiver.js";
import type { ReceivedMail } from "../../src/commands/mail/receiveMail.js";
import { ManualClock } from "../../src/core/clock.js";
import { startDeliveryWorker } from "../../src/engine/delivery/deliveryWorker.js";
import { listTicketEvents } from "../../src/store/events.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { addMessage, updateTicket } from "../support/commandsOnDb.js";
import { type SmtpReceiver, startSmtpReceiver } from "../support/deliveryReceivers.js";
import { buildAgent, buildTeam } from "../support/factories.js";
import { describeStore, selectRows } from "../support/testDatabase.js";

describeStore("e-mail in and out over SMTP", (get) => {
  const clock = new ManualClock(new Date("2026-12-02T09:00:00Z"));
  let palier: PalierReceiver;
  let outside: SmtpReceiver;
  const received: ReceivedMail[] = [];
  let agentId: string;
  let teamId: string;

  /** Sends raw lines to Palier's receiver as a mail client would; resolves with the server's answer or rejects with its refusal. */
  async function send(lines: string[], envelope = { from: "marie.dupont@example.be", to: ["support@helpdesk.example.be"] }): Promise<ReceivedMail> {
    const before = received.length;
    const transport = createTransport({ host: "127.0.0.1", port: palier.port, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ envelope, raw: lines.join("\r\n") });
    } finally {
      transport.close();
    }
    expect(received.length).toBe(before + 1);
    return received.at(-1) as ReceivedMail;
  }

  async function deliver() {
    const worker = startDeliveryWorker({ database: get(), clock, background: false, random: () => 0, smtpUrl: outside.url });
    try {
      return await worker.runOnce();
    } finally {
      await worker.stop();
    }
  }

  beforeAll(async () => {
    const team = await buildTeam(get().db, {
      name: `Facturation ${Date.now()}`,
      email: "support@helpdesk.example.be",
      signatures: { fr: "L'équipe Facturation\nHelpdesk SA", nl: "Het team Facturatie" },
    });
    teamId = team.id;
    agentId = (await buildAgent(get().db, { name: "Thomas Lefebvre", teamId })).id;
    palier = await startPalierReceiver({ database: get(), clock, host: "127.0.0.1", port: 0, maxBytes: 64 * 1024, onReceived: (mail) => received.push(mail) });
    outside = await startSmtpReceiver();
  });
  afterAll(async () => {
    await palier?.close();
    await outside?.close();
  });

  let number: number;
  let replyId: string;

  it("opens a ticket for the team the mail was sent to, from a customer made from the sender", async () => {
    const result = await send([
      'From: "Marie Dupont" <marie.dupont@example.be>',
      "To: Facturation <support@helpdesk.example.be>",
      "Subject: Facture de mars introuvable",
      "Message-ID: <m1@example.be>",
      "Date: Wed, 2 Dec 2026 09:58:00 +0100",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Bonjour, je ne trouve pas ma facture de mars dans mon espace client. Ça ne marche pas !",
    ]);
    expect(result.outcome).toBe("ticket");
    number = result.ticketNumber as number;
    const ticket = await getTicket(get().db, number);
    expect(ticket).toMatchObject({ subject: "Facture de mars introuvable", channel: "email", teamId, language: "fr", status: "new" });
    const [customer] = await selectRows<{ name: string; email: string; language: string }>(
      get(),
      sqlOf(`select c.name, c.email, c.language from customers c join tickets t on t.customer_id = c.id where t.number = ${number}`),
    );
    expect(customer).toEqual({ name: "Marie Dupont", email: "marie.dupont@example.be", language: "fr" });
    const events = await listTicketEvents(get().db, number);
    expect(events.map((event) => event.type)).toContain("message");
  });

  it("sends the agent's reply from the team's address, threaded, in the customer's language", async () => {
    await updateTicket(get().db, { number, changes: { assigneeId: agentId }, now: clock.now(), actor: { type: "agent", id: agentId } });
    const { message } = await addMessage(get().db, {
      number,
      kind: "reply",
      text: "Bonjour Madame Dupont, la voici en pièce jointe.",
      now: clock.now(),
      actor: { type: "agent", id: agentId },
    });
    replyId = message.id;
    expect(await deliver()).toMatchObject({ delivered: 1 });
    const mail = outside.messages.at(-1)!;
    expect(mail.subject).toBe(`Re : Facture de mars introuvable [#${number}]`);
    expect(mail.from?.value[0]).toMatchObject({ address: "support@helpdesk.example.be" });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe("marie.dupont@example.be");
    expect(mail.inReplyTo).toBe("<m1@example.be>");
    expect(mail.references).toBe("<m1@example.be>");
    expect(mail.messageId).toMatch(new RegExp(`^<palier\\.${number}\\.[0-9a-f-]+@helpdesk\\.example\\.be>$`));
    // Signed in the customer's language, below the separator.
    expect(mail.text?.trim()).toBe("Bonjour Madame Dupont, la voici en pièce jointe.\n\n-- \nL'équipe Facturation\nHelpdesk SA");
    expect(mail.html).toContain('<p class="signature">-- <br>L\'équipe Facturation<br>Helpdesk SA</p>');
    expect(mail.headers.get("x-loop")).toBe("support@helpdesk.example.be");
  });

  it("brings the customer's answer to the reply back to the same ticket", async () => {
    const ours = outside.messages.at(-1)!.messageId as string;
    clock.advance(60_000);
    const result = await send([
      "From: marie.dupont@example.be",
      "To: support@helpdesk.example.be",
      `Subject: Re: Facture de mars introuvable [#${number}]`,
      "Message-ID: <m2@example.be>",
      `In-Reply-To: ${ours}`,
      `References: <m1@example.be> ${ours}`,
      "",
      "Merci, je l'ai bien reçue.",
    ]);
    expect(result).toMatchObject({ outcome: "reply", ticketNumber: number });
    const [row] = await selectRows<{ count: number }>(
      get(),
      sqlOf(`select count(*)::int as count from messages where ticket_number = ${number} and kind = 'customer'`),
    );
    expect(row?.count).toBe(2);
    expect(replyId).toBeTruthy();
  });

  it("threads by the subject's reference from the ticket's customer, not from a stranger", async () => {
    const mine = await send([
      "From: marie.dupont@example.be",
      "To: support@helpdesk.example.be",
      `Subject: Encore une question [#${number}]`,
      "Message-ID: <m3@example.be>",
      "",
      "Et celle d'avril ?",
    ]);
    expect(mine).toMatchObject({ outcome: "reply", ticketNumber: number });
    const stranger = await send(
      ["From: intrus@example.org", "To: support@helpdesk.example.be", `Subject: Je m'invite [#${number}]`, "Message-ID: <x1@example.org>", "", "Bonjour"],
      { from: "intrus@example.org", to: ["support@helpdesk.example.be"] },
    );
    expect(stranger.outcome).toBe("ticket");
    expect(stranger.ticketNumber).not.toBe(number);
  });

  it("keeps an out-of-office reply on the ticket without reopening or answering it", async () => {
    await updateTicket(get().db, { number, changes: { status: "solved" }, now: clock.now(), actor: { type: "agent", id: agentId } });
    const ours = outside.messages.at(-1)!.messageId as string;
    const outboxBefore = await countOutbox(number);
    const result = await send([
      "From: marie.dupont@example.be",
      "To: support@helpdesk.example.be",
      "Subject: Réponse automatique : absente",
      "Auto-Submitted: auto-replied",
      "Message-ID: <ooo@example.be>",
      `In-Reply-To: ${ours}`,
      "",
      "Je suis absente jusqu'au 4 janvier.",
    ]);
    expect(result).toMatchObject({ outcome: "automated", ticketNumber: number });
    expect((await getTicket(get().db, number))?.status).toBe("solved");
    expect(await countOutbox(number)).toBe(outboxBefore);
    const last = (await listTicketEvents(get().db, number)).at(-1);
    expect(last).toMatchObject({ type: "mail", data: { what: "automated", kind: "auto_reply", reason: "auto-submitted: auto-replied" } });
  });

  it("records a bounce of Palier's reply on the ticket whose mail bounced", async () => {
    const ours = outside.messages.at(-1)!.messageId as string;
    const result = await send(
      [
        "From: MAILER-DAEMON@mx.example.be",
        "To: support@helpdesk.example.be",
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <dsn1@mx.example.be>",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example.be",
        "",
        "Final-Recipient: rfc822; marie.dupont@example.be",
        "Action: failed",
        "Status: 5.2.2",
        "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
        "",
        "--b",
        "Content-Type: text/rfc822-headers",
        "",
        "From: support@helpdesk.example.be",
        `Message-ID: ${ours}`,
        "",
        "--b--",
      ],
      { from: "", to: ["support@helpdesk.example.be"] },
    );
    expect(result).toMatchObject({ outcome: "bounce", ticketNumber: number });
    const last = (await listTicketEvents(get().db, number)).at(-1);
    expect(last).toMatchObject({
      type: "mail",
      data: { what: "bounced", recipient: "marie.dupont@example.be", status: "5.2.2", diagnostic: "552 5.2.2 Mailbox full" },
    });
  });

  it("says on the ticket when the reply could not be delivered at all", async () => {
    await addMessage(get().db, { number, kind: "reply", text: "Une dernière précision.", now: clock.now(), actor: { type: "agent", id: agentId } });
    const worker = startDeliveryWorker({ database: get(), clock, background: false, random: () => 0, smtpUrl: await deadSmtpUrl(), maxAttempts: 1 });
    try {
      expect(await worker.runOnce()).toMatchObject({ dead: 1 });
    } finally {
      await worker.stop();
    }
    const last = (await listTicketEvents(get().db, number)).at(-1);
    expect(last).toMatchObject({ type: "mail", actor: { type: "system" }, data: { what: "bounced", recipient: "marie.dupont@example.be", status: null } });
    expect((last?.data as { diagnostic: string }).diagnostic).toMatch(/ECONNREFUSED|connect/i);
  });

  it("makes one ticket of a message delivered twice", async () => {
    const lines = [
      "From: jan@example.nl",
      "To: support@helpdesk.example.be",
      "Subject: Het werkt niet",
      "Message-ID: <twice@example.nl>",
      "",
      "Mijn account werkt niet.",
    ];
    const first = await send(lines, { from: "jan@example.nl", to: ["support@helpdesk.example.be"] });
    const second = await send(lines, { from: "jan@example.nl", to: ["support@helpdesk.example.be"] });
    expect(first.outcome).toBe("ticket");
    expect(second).toEqual({ outcome: "duplicate", ticketNumber: first.ticketNumber, mailId: first.mailId });
  });

  it("refuses a message over the size limit during its transfer, and keeps one without a sender", async () => {
    const before = received.length;
    const transport = createTransport({ host: "127.0.0.1", port: palier.port, secure: false, ignoreTLS: true });
    await expect(
      transport.sendMail({
        envelope: { from: "big@example.org", to: ["support@helpdesk.example.be"] },
        raw: `From: big@example.org\r\nSubject: big\r\n\r\n${"x".repeat(70 * 1024)}`,
      }),
    ).rejects.toThrow(/552/);
    transport.close();
    expect(received.length).toBe(before);

    const anonymous = await send(["Subject: sans expéditeur", "Message-ID: <anon@example.org>", "", "Qui suis-je ?"], {
      from: "",
      to: ["support@helpdesk.example.be"],
    });
    expect(anonymous).toMatchObject({ outcome: "error", ticketNumber: null });
    const [kept] = await selectRows<{ outcome: string; problems: { code: string }[]; raw: Buffer }>(
      get(),
      sqlOf(`select outcome, problems, raw from mail_messages where id = '${anonymous.mailId}'`),
    );
    expect(kept?.problems.map((problem) => problem.code)).toContain("no_from");
    const parsed = await simpleParser(Buffer.from(kept?.raw as Uint8Array));
    expect(parsed.subject).toBe("sans expéditeur");
  });

  async function countOutbox(ticket: number): Promise<number> {
    const [row] = await selectRows<{ count: number }>(
      get(),
      sqlOf(`select count(*)::int as count from outbox where ticket_number = ${ticket} and kind = 'email'`),
    );
    return row?.count ?? 0;
  }
});

/** An SMTP address where nothing listens. */
async function deadSmtpUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

function sqlOf(text: string) {
  return sql.raw(text);
}
