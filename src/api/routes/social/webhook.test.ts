// The social webhook over HTTP: signed deliveries become tickets or messages on their thread's
// ticket; a forged, missing, expired or replayed signature is refused and writes nothing; a
// malformed body is a 400 naming the field; staff read the stream and an author's week.

import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { openSecret, sealSecret } from "../../../channels/sealedSecret.js";
import { socialSignature } from "../../../channels/social/signature.js";

const SECRET = "s3cret-shared-with-the-connector";

interface Received {
  events: { id: string; outcome: string; ticketNumber: number | null }[];
}

describeStore("social webhook", (get) => {
  let api: ApiHarness;
  let sequence = 0;

  beforeAll(async () => {
    api = await openApi(get());
    const set = await api.call("admin", "PUT", "/api/v1/social/networks/twitter", { body: { secret: SECRET, influenceThreshold: 5000 } });
    expect(set.status).toBe(200);
  });
  afterAll(() => api.close());

  const event = (overrides: Record<string, unknown> = {}) => {
    sequence += 1;
    return {
      id: `tw-${sequence}`,
      kind: "mention",
      threadId: `thread-${sequence}`,
      createdAt: api.clock.now().toISOString(),
      text: "@palier_help ma commande n'est jamais arrivée",
      author: { id: "42", handle: "@marie_d", name: "Marie D.", verified: false, followers: 120, bio: "Lyon" },
      ...overrides,
    };
  };

  const send = async <T = Received>(
    body: unknown,
    options: { secret?: string; timestamp?: number; headers?: Record<string, string>; network?: string } = {},
  ) => {
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(api.clock.now().getTime() / 1000));
    return api.call<T>("anonymous", "POST", `/api/v1/channels/social/${options.network ?? "twitter"}`, {
      body: raw,
      headers: {
        "content-type": "application/json",
        "x-palier-timestamp": timestamp,
        "x-palier-signature": socialSignature(options.secret ?? SECRET, timestamp, raw),
        ...options.headers,
      },
    });
  };

  const count = async (table: string) => {
    const result = await api.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  };

  it("turns a signed mention into a twitter ticket for a customer found by handle, and threads the next one on it", async () => {
    const first = event();
    const created = await send({ deliveryId: "d-1", events: [first] });
    expect(created.status).toBe(200);
    expect(created.json.events).toEqual([{ id: first.id, outcome: "ticket", ticketNumber: expect.any(Number) }]);
    const number = created.json.events[0]!.ticketNumber!;
    const ticket = await api.call<{ channel: string; customerId: string }>("agent", "GET", `/api/v1/tickets/${number}`);
    expect(ticket.json.channel).toBe("twitter");
    const customer = await api.call<{ name: string; social: Record<string, string> }>("agent", "GET", `/api/v1/customers/${ticket.json.customerId}`);
    expect(customer.json).toMatchObject({ name: "Marie D.", social: { twitter: "@marie_d" } });

    api.clock.advance(60_000);
    const next = event({ kind: "reply", threadId: first.threadId, text: "toujours rien, c'est inacceptable", author: { ...first.author, followers: 121 } });
    const replied = await send({ deliveryId: "d-2", events: [next] });
    expect(replied.json.events).toEqual([{ id: next.id, outcome: "reply", ticketNumber: number }]);
    const messages = await api.call<{ items: { kind: string; channel: string }[] }>("agent", "GET", `/api/v1/tickets/${number}/messages`);
    expect(messages.json.items.map((m) => [m.kind, m.channel])).toEqual([
      ["customer", "twitter"],
      ["customer", "twitter"],
    ]);
    const profile = await api.call<{ items: { author: { handle: string; followers: number }; flags: string[] }[] }>(
      "agent",
      "GET",
      `/api/v1/tickets/${number}/social`,
    );
    expect(profile.json.items.map((p) => p.author.followers)).toEqual([120, 121]);

    // The same handle on a new thread: the same customer, a new ticket.
    api.clock.advance(60_000);
    const other = await send({ deliveryId: "d-3", events: [event({ author: { id: "42", handle: "MARIE_D" } })] });
    const otherTicket = await api.call<{ customerId: string }>("agent", "GET", `/api/v1/tickets/${other.json.events[0]!.ticketNumber}`);
    expect(otherTicket.json.customerId).toBe(ticket.json.customerId);
  });

  it("makes one customer of a new author whose messages arrive at once", async () => {
    const author = { id: "77", handle: "@nouveau_client", name: "Nouveau Client", verified: false, followers: 3, bio: "" };
    const answers = await Promise.all(
      [0, 1, 2].map((n) => send({ deliveryId: `burst-${n}`, events: [event({ author: n === 1 ? { ...author, handle: "NOUVEAU_CLIENT" } : author })] })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const found = await api.db.execute(
      sql`select count(*)::int as n from customers where lower(social ->> 'twitter') in ('@nouveau_client', 'nouveau_client')`,
    );
    expect((found as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it("takes a message already taken once, and says it was a duplicate", async () => {
    const once = event();
    await send({ deliveryId: "dup-1", events: [once] });
    const again = await send({ deliveryId: "dup-2", events: [once] });
    expect(again.json.events[0]).toMatchObject({ outcome: "duplicate" });
  });

  it("refuses a forged, missing or expired signature with a 401 and writes nothing", async () => {
    const posts = await count("social_posts");
    const tickets = await count("tickets");
    const forged = await send<ErrorJson>({ deliveryId: "f-1", events: [event()] }, { secret: "not-the-secret-at-all" });
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatchObject({ code: "invalid_signature", details: [{ code: "mismatch" }] });

    const body = JSON.stringify({ deliveryId: "f-2", events: [event()] });
    const tampered = await send<ErrorJson>(body.replace("jamais", "bien"), {
      headers: { "x-palier-signature": socialSignature(SECRET, String(Math.floor(api.clock.now().getTime() / 1000)), body) },
    });
    expect(tampered.status).toBe(401);

    const missing = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/channels/social/twitter", {
      body,
      headers: { "content-type": "application/json" },
    });
    expect(missing.status).toBe(401);
    expect(missing.json.error.details[0]).toMatchObject({ code: "missing" });

    const sixMinutesAgo = Math.floor(api.clock.now().getTime() / 1000) - 6 * 60;
    const expired = await send<ErrorJson>({ deliveryId: "f-3", events: [event()] }, { timestamp: sixMinutesAgo });
    expect(expired.status).toBe(401);
    expect(expired.json.error.details[0]).toMatchObject({ code: "expired" });
    const fourMinutesAhead = Math.floor(api.clock.now().getTime() / 1000) + 4 * 60;
    expect((await send({ deliveryId: "f-4", events: [event()] }, { timestamp: fourMinutesAhead })).status).toBe(200);

    expect(await count("social_posts")).toBe(posts + 1);
    expect(await count("tickets")).toBe(tickets + 1);
  });

  it("refuses a replayed delivery with a 409 while its timestamp is in the window", async () => {
    const body = { deliveryId: "r-1", events: [event()] };
    expect((await send(body)).status).toBe(200);
    api.clock.advance(2 * 60_000);
    const timestamp = Math.floor(api.clock.now().getTime() / 1000) - 2 * 60;
    const replayed = await send<ErrorJson>(body, { timestamp });
    expect(replayed.status).toBe(409);
    expect(replayed.json.error.code).toBe("replayed");
  });

  it("answers 400 naming the field of a malformed delivery, after the signature", async () => {
    const bad = await send<ErrorJson>({ deliveryId: "m-1", events: [event({ author: { id: "1", handle: "" } })] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0]?.path).toBe("events[0].author.handle");
    const notJson = await send<ErrorJson>("{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.details[0]?.path).toBe("body");
    const unsignedBad = await api.call("anonymous", "POST", "/api/v1/channels/social/twitter", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(unsignedBad.status).toBe(401);
  });

  it("refuses a network without a secret, and never returns a secret", async () => {
    const facebook = await send<ErrorJson>({ deliveryId: "fb-1", events: [event()] }, { network: "facebook" });
    expect(facebook.status).toBe(401);
    expect(facebook.json.error.details[0]).toMatchObject({ code: "not_configured" });
    const networks = await api.call<{ items: Record<string, unknown>[] }>("admin", "GET", "/api/v1/social/networks");
    expect(networks.json.items).toEqual([
      expect.objectContaining({ network: "twitter", configured: true, influenceThreshold: 5000 }),
      expect.objectContaining({ network: "facebook", configured: false }),
    ]);
    expect(JSON.stringify(networks.json)).not.toContain(SECRET);
    expect((await api.call("agent", "GET", "/api/v1/social/networks")).status).toBe(403);
    const noSecret = await api.call<ErrorJson>("admin", "PUT", "/api/v1/social/networks/facebook", { body: { connectorUrl: "http://127.0.0.1:9/x" } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.json.error.details[0]?.path).toBe("secret");
  });

  it("shows the stream with influential authors flagged, an author's week, and sends one to support as a priority ticket", async () => {
    const star = event({ author: { id: "99", handle: "@star", name: "Star", verified: true, followers: 250_000, bio: "journaliste" } });
    const taken = await send({ deliveryId: "s-1", events: [star] });
    const stream = await api.call<{ items: { id: string; author: { handle: string }; flags: string[] }[] }>("agent", "GET", "/api/v1/social/posts?limit=5");
    expect(stream.status).toBe(200);
    const post = stream.json.items[0]!;
    expect(post).toMatchObject({ author: { handle: "@star" }, flags: ["verified", "influential"] });
    api.clock.advance(8 * 86_400_000);
    await send({ deliveryId: "s-2", events: [event({ author: star.author })] });
    const history = await api.call<{ items: unknown[] }>("agent", "GET", `/api/v1/social/posts/${post.id}/history`);
    expect(history.json.items).toHaveLength(1);

    const escalated = await api.call<{ ticket: { priority: string; tags: string[] } }>("agent", "POST", `/api/v1/social/posts/${post.id}/escalate`, {
      body: { priority: "urgent", tags: ["presse"] },
    });
    expect(escalated.status).toBe(200);
    expect(escalated.json.ticket).toMatchObject({ priority: "urgent", tags: expect.arrayContaining(["social-escalation", "presse"]) });
    const messages = await api.call<{ items: { kind: string }[] }>("agent", "GET", `/api/v1/tickets/${taken.json.events[0]!.ticketNumber}/messages`);
    expect(messages.json.items.at(-1)?.kind).toBe("note");
    expect((await api.call("viewer", "POST", `/api/v1/social/posts/${post.id}/escalate`, { body: {} })).status).toBe(403);
  });

  it("keeps the secret sealed at rest, and refuses deliveries when the server's key can no longer open it", async () => {
    const stored = async () =>
      ((await api.db.execute(sql`select secret from social_networks where network = 'twitter'`)) as unknown as { rows: { secret: string }[] }).rows[0]
        ?.secret ?? "";
    const sealed = await stored();
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(SECRET);
    expect(openSecret(api.app.secretKey, sealed)).toBe(SECRET);
    // Sealed under another key (PALIER_SECRET_KEY changed): refused as not configured, nothing written.
    await api.db.execute(sql`update social_networks set secret = ${sealSecret(randomBytes(32), SECRET)} where network = 'twitter'`);
    const before = await count("social_posts");
    const refused = await send<ErrorJson>({ deliveryId: "other-key-1", events: [event({ id: "other-key-1" })] });
    expect(refused.status).toBe(401);
    expect(refused.json.error.details[0]).toMatchObject({ code: "not_configured" });
    expect(await count("social_posts")).toBe(before);
    await api.db.execute(sql`update social_networks set secret = ${sealed} where network = 'twitter'`);
    expect((await send({ deliveryId: "other-key-2", events: [event({ id: "other-key-2" })] })).status).toBe(200);
  });
});
