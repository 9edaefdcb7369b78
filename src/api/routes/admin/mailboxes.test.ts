// IMAP mailboxes over HTTP: created, edited, listed and removed by admins only; the password
// sealed at rest, never in any answer, kept by an edit without one; validation naming the
// field; and "test connection" against a real Dovecot saying what went wrong in the reader's
// language.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { dovecotAvailable, freePort, startDovecot, type Dovecot } from "../../../../test/support/dovecot.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";
import { openSecret } from "../../../channels/sealedSecret.js";

interface MailboxJson {
  id: string;
  name: string;
  passwordSet: boolean;
  state: string;
  folder: string;
  version: number;
  lastError: { code: string; message: string } | null;
}

const SECRET = "s3cret-Mailbox-pass";
const canRun = dovecotAvailable();

describeStore("IMAP mailboxes for admins", (get) => {
  let api: ApiHarness;
  let dovecot: Dovecot | undefined;
  let created: MailboxJson;

  beforeAll(async () => {
    api = await openApi(get());
    if (canRun) dovecot = await startDovecot({ support: SECRET });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await dovecot?.stop();
  });

  const body = (more: Record<string, unknown> = {}) => ({
    name: "Support FR",
    host: "127.0.0.1",
    port: dovecot?.port ?? 1143,
    tls: "none",
    username: "support",
    teamId: api.teamId,
    address: "support@acme.test",
    ...more,
  });

  it("creates a mailbox with its password sealed, and never answers the password", async () => {
    const reply = await api.call<MailboxJson>("admin", "POST", "/api/v1/admin/mailboxes", { body: body({ password: SECRET }) });
    expect(reply.status).toBe(201);
    created = reply.json;
    expect(created).toMatchObject({ name: "Support FR", passwordSet: true, folder: "INBOX", state: "connecting", lastError: null });
    const list = await api.call<{ items: MailboxJson[] }>("admin", "GET", "/api/v1/admin/mailboxes");
    const one = await api.call<MailboxJson>("admin", "GET", `/api/v1/admin/mailboxes/${created.id}`);
    for (const answer of [reply, list, one]) {
      expect(JSON.stringify(answer.json)).not.toContain(SECRET);
      expect(JSON.stringify(answer.json)).not.toContain("password_secret");
      expect(JSON.stringify(answer.json)).not.toContain("passwordSecret");
    }
    const [stored] = await selectRows<{ password_secret: string }>(get(), sql`select password_secret from mailboxes where id = ${created.id}`);
    expect(stored?.password_secret).not.toContain(SECRET);
    expect(openSecret(api.app.secretKey, stored?.password_secret ?? "")).toBe(SECRET);
  });

  it("keeps the stored password on an edit without one, and replaces it on an edit with one", async () => {
    const [before] = await selectRows<{ password_secret: string }>(get(), sql`select password_secret from mailboxes where id = ${created.id}`);
    const edited = await api.call<MailboxJson>("admin", "PUT", `/api/v1/admin/mailboxes/${created.id}`, {
      body: body({ name: "Support Wallonie", folder: "Support" }),
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ name: "Support Wallonie", folder: "Support", passwordSet: true });
    const [kept] = await selectRows<{ password_secret: string }>(get(), sql`select password_secret from mailboxes where id = ${created.id}`);
    expect(kept?.password_secret).toBe(before?.password_secret);
    await api.call("admin", "PUT", `/api/v1/admin/mailboxes/${created.id}`, { body: body({ name: "Support Wallonie", password: "another-one" }) });
    const [changed] = await selectRows<{ password_secret: string }>(get(), sql`select password_secret from mailboxes where id = ${created.id}`);
    expect(openSecret(api.app.secretKey, changed?.password_secret ?? "")).toBe("another-one");
  });

  it("names the field of bad input", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body({ port: 70_000 }), "port"],
      [body({ tls: "ssl" }), "tls"],
      [body({ address: "not an address" }), "address"],
      [body({ host: "" }), "host"],
      [body({ teamId: "00000000-0000-4000-8000-000000000000" }), "teamId"],
    ];
    for (const [sent, path] of cases) {
      const reply = await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/mailboxes", { body: sent });
      expect(reply.status, path).toBe(400);
      expect(
        reply.json.error.details.map((detail) => detail.path),
        path,
      ).toContain(path);
    }
    const twice = await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/mailboxes", { body: body({ name: "support wallonie" }) });
    expect(twice.status).toBe(409);
    expect(twice.json.error.details.map((detail) => detail.path)).toEqual(["name"]);
  });

  it("is for admins only", async () => {
    for (const role of ["manager", "team_lead", "agent", "viewer"] as const) {
      expect((await api.call<ErrorJson>(role, "GET", "/api/v1/admin/mailboxes")).status, role).toBe(403);
      expect((await api.call<ErrorJson>(role, "POST", "/api/v1/admin/mailboxes", { body: body({ password: "x" }) })).status, role).toBe(403);
    }
  });

  it.runIf(canRun)(
    "tests a connection and says what went wrong in the reader's language",
    async () => {
      const french = { "accept-language": "fr" };
      const ok = await api.call<{ ok: boolean }>("admin", "POST", "/api/v1/admin/mailboxes/test", { body: body({ password: SECRET }), headers: french });
      expect(ok.json).toEqual({ ok: true, problem: null });
      const wrong = await api.call<{ ok: boolean; problem: { code: string; message: string } }>("admin", "POST", "/api/v1/admin/mailboxes/test", {
        body: body({ password: "wrong" }),
        headers: french,
      });
      expect(wrong.json.problem).toMatchObject({ code: "auth", message: "Le serveur a refusé le nom d'utilisateur ou le mot de passe." });
      const folder = await api.call<{ problem: { code: string; message: string } }>("admin", "POST", "/api/v1/admin/mailboxes/test", {
        body: body({ password: SECRET, folder: "Nulle part" }),
        headers: { "accept-language": "nl" },
      });
      expect(folder.json.problem).toMatchObject({ code: "folder", message: "Deze map bestaat niet op de server." });
      const closed = await api.call<{ problem: { code: string } }>("admin", "POST", "/api/v1/admin/mailboxes/test", {
        body: body({ password: SECRET, port: await freePort() }),
      });
      expect(closed.json.problem.code).toBe("unreachable");
      // The stored password of a mailbox, when none is given (created with "another-one": refused).
      const stored = await api.call<{ problem: { code: string } }>("admin", "POST", "/api/v1/admin/mailboxes/test", { body: { ...body(), id: created.id } });
      expect(stored.json.problem.code).toBe("auth");
    },
    60_000,
  );

  it("removes a mailbox", async () => {
    expect((await api.call("admin", "DELETE", `/api/v1/admin/mailboxes/${created.id}`)).status).toBe(204);
    expect((await api.call<ErrorJson>("admin", "GET", `/api/v1/admin/mailboxes/${created.id}`)).status).toBe(404);
  });
});
