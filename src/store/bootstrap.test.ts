// ensureAdmin on both backends: first start, restarts, a given or generated password, the
// PALIER_ADMIN_TOKEN, and an e-mail that already belongs to an agent.

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildAgent } from "../../test/support/factories.js";
import { describeStore } from "../../test/support/testDatabase.js";
import { checkCredentials, hashSecret, principalForToken } from "./accounts.js";
import { ADMIN_TOKEN_NAME, ensureAdmin } from "./bootstrap.js";
import { agents, apiTokens } from "./schema.js";
import { listSecurityEvents } from "./securityEvents.js";

const now = new Date("2026-11-23T09:00:00Z");
const TOKEN = "plr_bootstrap-token-0123456789abcdef";

describeStore("ensureAdmin", (get) => {
  const admins = () => get().db.select().from(agents).where(eq(agents.role, "admin"));

  describe("on an empty database", () => {
    it("creates the admin with the given password and provisions the token, once", async () => {
      const db = get().db;
      const first = await ensureAdmin(db, { email: "Boss@Example.com", password: "a long admin password", token: TOKEN, now });
      expect(first).toEqual({ created: true, promoted: false, tokenCreated: true });
      const [admin] = await admins();
      expect(admin).toMatchObject({ name: "Admin", email: "boss@example.com", role: "admin", active: true });
      expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await checkCredentials(db, { email: "boss@example.com", password: "a long admin password", scope: "agent" })).toMatchObject({ ok: true });

      const [token] = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.agentId, admin?.id as string));
      expect(token).toMatchObject({ name: ADMIN_TOKEN_NAME, tokenHash: hashSecret(TOKEN), revokedAt: null });
      expect(JSON.stringify(token)).not.toContain(TOKEN);
      expect(await principalForToken(db, TOKEN, now)).toEqual({ kind: "agent", id: admin?.id, role: "admin", teamId: null });

      const again = await ensureAdmin(db, { email: "boss@example.com", password: "another password!", token: TOKEN, now });
      expect(again).toEqual({ created: false, promoted: false, tokenCreated: false });
      expect(await admins()).toHaveLength(1);
      expect(
        await db
          .select()
          .from(apiTokens)
          .where(eq(apiTokens.tokenHash, hashSecret(TOKEN))),
      ).toHaveLength(1);
      // The password is the first start's: a restart with another one does not change it.
      expect(await checkCredentials(db, { email: "boss@example.com", password: "a long admin password", scope: "agent" })).toMatchObject({ ok: true });

      const events = (await listSecurityEvents(db)).items.filter((e) => e.type === "token_created");
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ agentId: admin?.id, data: { name: ADMIN_TOKEN_NAME, by: "bootstrap" } });
    });

    it("keeps a revoked PALIER_ADMIN_TOKEN revoked on restart", async () => {
      const db = get().db;
      await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(eq(apiTokens.tokenHash, hashSecret(TOKEN)));
      expect(await ensureAdmin(db, { email: "boss@example.com", token: TOKEN, now })).toMatchObject({ tokenCreated: false });
      expect(await principalForToken(db, TOKEN, now)).toBeUndefined();
    });

    it("provisions a new token for the existing admin", async () => {
      const db = get().db;
      const other = "plr_second-bootstrap-token-abcdefghij";
      expect(await ensureAdmin(db, { email: "someone.else@example.com", token: other, now })).toEqual({ created: false, promoted: false, tokenCreated: true });
      expect(await principalForToken(db, other, now)).toMatchObject({ role: "admin" });
      expect(await admins()).toHaveLength(1);
    });

    it("creates another admin, with a generated password, when the only one is deactivated", async () => {
      const db = get().db;
      await db.update(agents).set({ active: false }).where(eq(agents.role, "admin"));
      const result = await ensureAdmin(db, { email: "second@example.com", now });
      expect(result).toMatchObject({ created: true, promoted: false, tokenCreated: false });
      expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(await checkCredentials(db, { email: "second@example.com", password: result.generatedPassword as string, scope: "agent" })).toMatchObject({
        ok: true,
      });
      const restart = await ensureAdmin(db, { email: "second@example.com", now });
      expect(restart).toEqual({ created: false, promoted: false, tokenCreated: false });
      expect(restart.generatedPassword).toBeUndefined();
    });

    it("makes the agent with the e-mail an active admin when no active admin exists, and records the role change", async () => {
      const db = get().db;
      await db.update(agents).set({ active: false }).where(eq(agents.role, "admin"));
      const lead = await buildAgent(db, { name: "Lee Lead", email: "Lee@Example.com", role: "team_lead", now });
      const result = await ensureAdmin(db, { email: "lee@example.com", password: "lee's new password", now });
      expect(result).toEqual({ created: false, promoted: true, tokenCreated: false });
      const [row] = await db
        .select()
        .from(agents)
        .where(and(eq(agents.id, lead.id), eq(agents.role, "admin")));
      expect(row).toMatchObject({ name: "Lee Lead", active: true, version: 2 });
      expect(await checkCredentials(db, { email: "lee@example.com", password: "lee's new password", scope: "agent" })).toMatchObject({ ok: true });
      const [event] = (await listSecurityEvents(db, { limit: 1 })).items;
      expect(event).toMatchObject({ type: "role_changed", agentId: lead.id, data: { from: "team_lead", to: "admin", changedBy: "bootstrap" } });
    });

    it("is safe to run from several processes at once", async () => {
      const db = get().db;
      await db.update(agents).set({ active: false }).where(eq(agents.role, "admin"));
      const results = await Promise.all([1, 2, 3].map(() => ensureAdmin(db, { email: "race@example.com", password: "race condition pw", now })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await db.select().from(agents).where(eq(agents.email, "race@example.com"))).toHaveLength(1);
    });
  });
});
