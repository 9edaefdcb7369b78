// Finds the caller of a request: a Bearer API token (integrations) or a session cookie
// (the browser app). Routes then authorize with the permission matrix.

import type { FastifyReply, FastifyRequest } from "fastify";
import { principalForToken } from "../../store/accounts.js";
import { unauthorized } from "../errors.js";

/** onRequest hook: sets `request.principal`; a malformed or unknown token is a 401. */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization;
  if (header === undefined) return;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized("the Authorization header must be: Bearer <API token>");
  const principal = await principalForToken(request.server.database.db, match[1] as string, request.server.clock.now());
  if (!principal) throw unauthorized("this API token is unknown or revoked");
  request.principal = principal;
}

/** preHandler for routes that need a caller. */
export async function requireCaller(request: FastifyRequest): Promise<void> {
  if (!request.principal) throw unauthorized();
}
