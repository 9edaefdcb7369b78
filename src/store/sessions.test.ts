// Sessions, passwords and the sign-in throttle in the store, on both backends.

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildAgent, buildCustomer } from "../../test/support/factories.js";
import { describeStore } from "../../test/support/testDatabase.js";
import { checkCredentials, hashSecret, setAgentPassword, setCustomerPassword } from "./accounts.js";
import { InvalidReferenceError, NotFoundError } from "./errors.js";
import { sessions } from "./schema.js";
import { LOGIN_FAILURE_WINDOW_MS, listSecurityEvents, loginThrottle, recordSecurityEvent } from "./securityEvents.js";
import { SESSION_IDLE_MS, createSession, findSession, logIn } from "./sessions.js";

const now = new Date("2026-11-23T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describeStore("sessions and passwords", (get) => {
  describe("sessions", () => {
    it("stores only the token's SHA-256, and finds the session by the token", async () => {
      const db = get().db;
      const agent = await buildAgent(db, { role: "manager", now });
      const session = await createSession(db, { agentId: agent.id }, now);
      expect(session.expiresAt).toEqual(later(SESSION_IDLE_MS));
      const [row] = await db.select().from(sessions).where(eq(sessions.agentId, agent.id));
      expect(row?.tokenHash).toBe(hashSecret(session.token));
      expect(JSON.stringify(row)).not.toContain(session.token);
      expect(await findSession(db, session.token, now)).toEqual({
        principal: { kind: "agent", id: agent.id, role: "manager", teamId: null },
        csrfToken: session.csrfToken,
        expiresAt: later(SESSION_IDLE_MS),
      });
      expect(await findSession(db, `${session.token}x`, now)).toBeUndefined();
    });

    it("drops expired sessions when another is opened", async () => {
      const db = get().db;
      const customer = await buildCustomer(db, { now });
      const old = await createSession(db, { customerId: customer.id }, now);
      await createSession(db, { customerId: customer.id }, later(SESSION_IDLE_MS + 1));
      expect(
        await db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashSecret(old.token))),
      ).toEqual([]);
    });
  });

  describe("passwords", () => {
    it("sets agent and customer passwords, ending their sessions", async () => {
      const db = get().db;
      const agent = await buildAgent(db, { email: "pia@example.com", now });
      await setAgentPassword(db, agent.id, "first password");
      const session = await createSession(db, { agentId: agent.id }, now);
      await setAgentPassword(db, agent.id, "second password");
      expect(await findSession(db, session.token, now)).toBeUndefined();
      expect(await checkCredentials(db, { email: "PIA@example.com", password: "second password", scope: "agent" })).toMatchObject({ ok: true });
      expect(await checkCredentials(db, { email: "pia@example.com", password: "first password", scope: "agent" })).toEqual({
        ok: false,
        reason: "wrong_password",
        agentId: agent.id,
      });

      const customer = await buildCustomer(db, { email: "cleo@example.org", now });
      expect(await checkCredentials(db, { email: "cleo@example.org", password: "cleo password", scope: "customer" })).toEqual({
        ok: false,
        reason: "no_password",
        customerId: customer.id,
      });
      await setCustomerPassword(db, customer.id, "cleo password");
      expect(await checkCredentials(db, { email: "cleo@example.org", password: "cleo password", scope: "customer" })).toMatchObject({
        ok: true,
        view: { kind: "customer", id: customer.id },
      });
    });

    it("refuses short passwords and unknown accounts", async () => {
      const db = get().db;
      const agent = await buildAgent(db, { now });
      await expect(setAgentPassword(db, agent.id, "short")).rejects.toBeInstanceOf(InvalidReferenceError);
      await expect(setAgentPassword(db, "00000000-0000-0000-0000-000000000000", "long enough!")).rejects.toBeInstanceOf(NotFoundError);
      await expect(setCustomerPassword(db, "nope", "long enough!")).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("sign-in throttle", () => {
    it("counts failures per e-mail in a sliding window and says when the next attempt is allowed", async () => {
      const db = get().db;
      const at = (s: number) => later(s * 1000);
      for (let i = 0; i < 10; i++) {
        await recordSecurityEvent(db, { type: "login_failed", at: at(i * 60), ip: `192.0.2.${i}`, data: { email: "target@example.com" } });
      }
      // 10 failures at 0, 60 … 540 s: the one at 0 s leaves the window at 900 s.
      expect(await loginThrottle(db, { email: "target@example.com", ip: "192.0.2.200", now: at(600) })).toEqual({ retryAfterSeconds: 300, by: "email" });
      expect(await loginThrottle(db, { email: "other@example.com", ip: "192.0.2.200", now: at(600) })).toBeUndefined();
      expect(await loginThrottle(db, { email: "target@example.com", ip: "192.0.2.200", now: at(LOGIN_FAILURE_WINDOW_MS / 1000) })).toBeUndefined();
    });

    it("records why a sign-in failed, for admins", async () => {
      const db = get().db;
      const result = await logIn(db, { email: "ghost@example.com", password: "whatever", scope: "customer", ip: "192.0.2.99", now });
      expect(result).toEqual({ outcome: "failed" });
      const [event] = (await listSecurityEvents(db, { limit: 1 })).items;
      expect(event).toMatchObject({
        type: "login_failed",
        at: now,
        ip: "192.0.2.99",
        customerId: null,
        data: { email: "ghost@example.com", scope: "customer", reason: "unknown_account" },
      });
    });
  });
});
