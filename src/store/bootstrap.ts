// First start: makes sure an active admin exists (PALIER_ADMIN_EMAIL / PALIER_ADMIN_PASSWORD)
// and provisions PALIER_ADMIN_TOKEN. Idempotent: a restart changes nothing.

import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { createApiToken, hashSecret, normalizeEmail } from "./accounts.js";
import type { Db } from "./database.js";
import { hashPassword } from "./passwords.js";
import { agents, apiTokens } from "./schema.js";
import { recordSecurityEvent } from "./securityEvents.js";

/** The name of the API token provisioned from PALIER_ADMIN_TOKEN. */
export const ADMIN_TOKEN_NAME = "PALIER_ADMIN_TOKEN";
// Serializes concurrent start-ups of several processes on one PostgreSQL.
const BOOTSTRAP_LOCK = 7351002;

export interface EnsureAdminProps {
  email: string;
  /** The admin's password when one is created; omitted: a strong one is generated and returned. */
  password?: string;
  /** An API token value to provision for the admin (stored hashed), unless it exists already. */
  token?: string;
  now: Date;
}

export interface EnsureAdminResult {
  /** A new admin agent was created. */
  created: boolean;
  /** No active admin existed and the agent with `email` was made one (and activated). */
  promoted: boolean;
  /** The token was provisioned now (false when absent or already there, even if revoked since). */
  tokenCreated: boolean;
  /** Set when a password was generated: print it once, it is not stored in clear anywhere. */
  generatedPassword?: string;
}

/**
 * When no active admin exists, creates one (name "Admin", role admin) with `email` and the given
 * or a generated password, or, when an agent already has `email`, makes that agent an active
 * admin. With `token`, provisions it as an admin API token named PALIER_ADMIN_TOKEN unless a
 * token with that value exists (a revoked one stays revoked). Existing admins and passwords are
 * never changed.
 */
export async function ensureAdmin(db: Db, props: EnsureAdminProps): Promise<EnsureAdminResult> {
  const email = normalizeEmail(props.email);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const result: EnsureAdminResult = { created: false, promoted: false, tokenCreated: false };
    const admins = await tx
      .select({ id: agents.id, email: agents.email })
      .from(agents)
      .where(and(eq(agents.role, "admin"), eq(agents.active, true)))
      .orderBy(asc(agents.createdAt), asc(agents.id));
    let adminId = (admins.find((a) => normalizeEmail(a.email) === email) ?? admins[0])?.id;

    if (!adminId) {
      const [existing] = await tx
        .select()
        .from(agents)
        .where(sql`lower(${agents.email}) = ${email}`);
      const password = props.password ?? (existing?.passwordHash ? undefined : generatePassword());
      if (password !== undefined && props.password === undefined) result.generatedPassword = password;
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      if (existing) {
        await tx
          .update(agents)
          .set({ role: "admin", active: true, updatedAt: props.now, version: sql`${agents.version} + 1`, ...(passwordHash ? { passwordHash } : {}) })
          .where(eq(agents.id, existing.id));
        if (existing.role !== "admin") {
          await recordSecurityEvent(tx, {
            type: "role_changed",
            at: props.now,
            agentId: existing.id,
            data: { from: existing.role, to: "admin", changedBy: "bootstrap" },
          });
        }
        adminId = existing.id;
        result.promoted = true;
      } else {
        const [created] = await tx
          .insert(agents)
          .values({ name: "Admin", email, role: "admin", passwordHash: passwordHash ?? null, createdAt: props.now, updatedAt: props.now })
          .returning({ id: agents.id });
        if (!created) throw new Error(`creating the admin agent ${email} returned no row`);
        adminId = created.id;
        result.created = true;
      }
    }

    if (props.token !== undefined) {
      const [known] = await tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashSecret(props.token)));
      if (!known) {
        const token = await createApiToken(tx, { agentId: adminId, name: ADMIN_TOKEN_NAME, now: props.now, value: props.token });
        await recordSecurityEvent(tx, {
          type: "token_created",
          at: props.now,
          agentId: adminId,
          data: { tokenId: token.id, name: ADMIN_TOKEN_NAME, prefix: token.prefix, by: "bootstrap" },
        });
        result.tokenCreated = true;
      }
    }
    return result;
  });
}

/** A strong password: 24 characters of base64url (144 random bits). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
