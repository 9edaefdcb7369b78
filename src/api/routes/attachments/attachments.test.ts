// Files an e-mail brought, downloaded through the API: staff and the ticket's own customer get
// the bytes, images inline and everything else as a download that is never sniffed; another
// customer, like an unknown id, gets 404.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type CustomerSession, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { readMail } from "../../../channels/email/readMail.js";
import { receiveMail } from "../../../commands/mail/receiveMail.js";
import { inWork } from "../../../commands/work.js";
import { SYSTEM_ACTOR } from "../../../core/events/actor.js";
import { messages } from "../../../store/schema.js";
import { eq } from "drizzle-orm";

describeStore("attachment routes", (get) => {
  let api: ApiHarness;
  let marie: CustomerSession;
  let other: CustomerSession;
  let files: { id: string; name: string; url?: string }[];
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");
  const html = Buffer.from("<script>alert(1)</script>");

  beforeAll(async () => {
    api = await openApi(get());
    marie = await api.signInCustomer("Marie Dupont", "marie.pj@example.be");
    other = await api.signInCustomer("Jan Peeters", "jan.pj@example.nl");
    const raw = Buffer.from(
      [
        "From: Marie Dupont <marie.pj@example.be>",
        "To: support@example.org",
        "Subject: Capture et page",
        "Message-ID: <pj1@example.be>",
        'Content-Type: multipart/mixed; boundary="m"',
        "",
        "--m",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Voici la capture et la page qui ne s'affiche pas.",
        "--m",
        'Content-Type: image/png; name="capture écran.png"',
        'Content-Disposition: attachment; filename="capture écran.png"',
        "Content-Transfer-Encoding: base64",
        "",
        png.toString("base64"),
        "--m",
        'Content-Type: text/html; name="page.html"',
        'Content-Disposition: attachment; filename="page.html"',
        "",
        html.toString(),
        "--m--",
        "",
      ].join("\r\n"),
    );
    const mail = await readMail(raw);
    const received = await inWork(get().db, { now: api.clock.now(), actor: SYSTEM_ACTOR }, (work) => receiveMail(work, { raw, mail }));
    const [message] = await get()
      .db.select()
      .from(messages)
      .where(eq(messages.ticketNumber, received.ticketNumber as number));
    files = (message?.attachments ?? []) as typeof files;
  });
  afterAll(() => api.close());

  it("lists the files on the message with their download address", () => {
    expect(files.map((file) => [file.name, file.url])).toEqual([
      ["capture écran.png", `/api/v1/attachments/${files[0]?.id}`],
      ["page.html", `/api/v1/attachments/${files[1]?.id}`],
    ]);
  });

  it("serves an image inline and anything else as a download, never sniffed", async () => {
    const image = await api.app.inject({ method: "GET", url: files[0]?.url as string, headers: { authorization: `Bearer ${api.agents.agent.token}` } });
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.equals(png)).toBe(true);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["content-disposition"]).toBe(`inline; filename="capture _cran.png"; filename*=UTF-8''capture%20%C3%A9cran.png`);
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    const page = await api.app.inject({ method: "GET", url: files[1]?.url as string, headers: { authorization: `Bearer ${api.agents.agent.token}` } });
    expect(page.headers["content-type"]).toBe("application/octet-stream");
    expect(page.headers["content-disposition"]).toMatch(/^attachment; filename="page.html"/);
    expect(page.rawPayload.equals(html)).toBe(true);
  });

  it("lets the ticket's customer download it, and nobody else", async () => {
    expect((await api.call(marie, "GET", files[0]?.url as string)).status).toBe(200);
    expect((await api.call(other, "GET", files[0]?.url as string)).status).toBe(404);
    expect((await api.call("anonymous", "GET", files[0]?.url as string)).status).toBe(401);
    expect((await api.call("agent", "GET", "/api/v1/attachments/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await api.call("agent", "GET", "/api/v1/attachments/not-a-uuid")).status).toBe(400);
  });
});
