// Received mail for admins over HTTP: the list with each message's outcome and problems, its
// bytes as they arrived, and taking again a message kept as error; admins only.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { takeMail } from "../../../channels/email/intake.js";
import { insertMail } from "../../../store/mail.js";

interface MailJson {
  id: string;
  outcome: string;
  ticketNumber: number | null;
  from: string | null;
  subject: string;
  problems: { code: string }[];
  automated: { kind: string; reason: string } | null;
}

describeStore("received mail for admins", (get) => {
  let api: ApiHarness;
  const good = Buffer.from(
    [
      "From: Lotte <lotte@example.nl>",
      "To: support@example.org",
      "Subject: Factuur klopt niet",
      "Message-ID: <f1@example.nl>",
      "",
      "Het bedrag klopt niet.",
    ].join("\r\n"),
  );
  let failedId: string;

  beforeAll(async () => {
    api = await openApi(get());
    const options = { database: get(), clock: api.clock };
    await takeMail(options, Buffer.from(["Subject: zonder afzender", "", "Wie ben ik?"].join("\r\n")), ["support@example.org"]);
    await takeMail(
      options,
      Buffer.from(
        ["From: jan@example.nl", "Subject: Automatisch antwoord", "Auto-Submitted: auto-replied", "Message-ID: <a1@example.nl>", "", "Ik ben afwezig."].join(
          "\r\n",
        ),
      ),
      [],
    );
    // A message an earlier intake could not take (the database went away mid-way): kept raw as error.
    failedId = (
      await insertMail(get().db, {
        direction: "in",
        outcome: "error",
        messageIdHeader: "<f1@example.nl>",
        fromAddress: "lotte@example.nl",
        toAddresses: ["support@example.org"],
        subject: "Factuur klopt niet",
        problems: [{ code: "intake_failed", detail: "connection terminated" }],
        size: good.length,
        raw: good,
        createdAt: api.clock.now(),
      })
    ).id;
  });
  afterAll(() => api.close());

  it("lists received mail newest first with its outcome, why it counts as automated, and its problems", async () => {
    const all = await api.call<{ items: MailJson[]; nextCursor: string | null }>("admin", "GET", "/api/v1/admin/mail?limit=2");
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(2);
    const next = await api.call<{ items: MailJson[] }>("admin", "GET", `/api/v1/admin/mail?limit=2&cursor=${all.json.nextCursor}`);
    const items = [...all.json.items, ...next.json.items];
    expect(items.map((item) => item.subject).sort()).toEqual(["Automatisch antwoord", "Factuur klopt niet", "zonder afzender"]);
    expect(items.find((item) => item.subject === "Automatisch antwoord")).toMatchObject({
      outcome: "automated",
      automated: { kind: "auto_reply", reason: "auto-submitted: auto-replied" },
    });
    const errors = await api.call<{ items: MailJson[] }>("admin", "GET", "/api/v1/admin/mail?outcome=error");
    expect(errors.json.items.map((item) => [item.subject, item.problems.map((problem) => problem.code)])).toEqual(
      expect.arrayContaining([
        ["zonder afzender", ["no_from", "no_message_id"]],
        ["Factuur klopt niet", ["intake_failed"]],
      ]),
    );
    expect((await api.call<ErrorJson>("admin", "GET", "/api/v1/admin/mail?cursor=bm9wZQ")).status).toBe(400);
    expect((await api.call<ErrorJson>("admin", "GET", "/api/v1/admin/mail?outcome=lost")).status).toBe(400);
  });

  it("gives a message's bytes as they arrived", async () => {
    const raw = await api.app.inject({
      method: "GET",
      url: `/api/v1/admin/mail/${failedId}/raw`,
      headers: { authorization: `Bearer ${api.agents.admin.token}` },
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers["content-type"]).toBe("message/rfc822");
    expect(raw.rawPayload.equals(good)).toBe(true);
  });

  it("takes a message kept as error again: it becomes a ticket, and its error row gives way", async () => {
    const again = await api.call<{ outcome: string; ticketNumber: number; mailId: string }>("admin", "POST", `/api/v1/admin/mail/${failedId}/reprocess`, {
      body: {},
    });
    expect(again.status).toBe(200);
    expect(again.json.outcome).toBe("ticket");
    const ticket = await api.call<{ subject: string; channel: string }>("admin", "GET", `/api/v1/tickets/${again.json.ticketNumber}`);
    expect(ticket.json).toMatchObject({ subject: "Factuur klopt niet", channel: "email" });
    const errors = await api.call<{ items: MailJson[] }>("admin", "GET", "/api/v1/admin/mail?outcome=error");
    expect(errors.json.items.map((item) => item.id)).not.toContain(failedId);
    // Taken now: again is refused, and so is an unknown id.
    expect((await api.call<ErrorJson>("admin", "POST", `/api/v1/admin/mail/${again.json.mailId}/reprocess`, { body: {} })).status).toBe(409);
    expect((await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/mail/00000000-0000-4000-8000-000000000000/reprocess", { body: {} })).status).toBe(404);
  });

  it("is for admins only", async () => {
    for (const role of ["manager", "team_lead", "agent", "viewer"] as const) {
      expect((await api.call<ErrorJson>(role, "GET", "/api/v1/admin/mail")).status, role).toBe(403);
    }
  });
});
