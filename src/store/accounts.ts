// API tokens and the principals they stand for. Tokens are shown once and stored as SHA-256.

import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Principal, Role } from "../core/access/permissions.js";
import type { Db } from "./database.js";
import { agents, apiTokens } from "./schema.js";

export const TOKEN_PREFIX = "plr_";

/** SHA-256 hex of a secret: tokens are long and random, so a fast hash is the right one. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new random token (`plr_` + 43 characters of base64url). */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export interface CreateApiTokenProps {
  agentId: string;
  name: string;
  now: Date;
  /** Use this value instead of a random one (PALIER_ADMIN_TOKEN). */
  value?: string;
}

/** Creates a token for an agent; the returned `token` is the only time its value is seen. */
export async function createApiToken(db: Db, props: CreateApiTokenProps): Promise<{ id: string; token: string; prefix: string }> {
  const token = props.value ?? newToken();
  const prefix = token.slice(0, 8);
  const [row] = await db
    .insert(apiTokens)
    .values({ agentId: props.agentId, name: props.name, tokenHash: hashSecret(token), prefix, createdAt: props.now })
    .returning({ id: apiTokens.id });
  return { id: (row as { id: string }).id, token, prefix };
}

/** The active agent a live (unrevoked) token belongs to, as a principal; records its use. */
export async function principalForToken(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: agents.id, role: agents.role, teamId: agents.teamId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt), eq(agents.active, true)));
  if (!row) return undefined;
  // Write last use at most once a minute: a busy integration should not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { kind: "agent", id: row.id, role: row.role as Role, teamId: row.teamId };
}
