// Finds the caller of a request: a Bearer API token (integrations) or a session cookie
// (the browser app, whose writes must carry the session's CSRF token). Routes then authorize.

import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { principalForToken } from "../../store/accounts.js";
import { type ActiveSession, findSession } from "../../store/sessions.js";
import { HttpError, unauthorized } from "../errors.js";
import { SESSION_COOKIE, clearSessionCookie } from "./sessionCookie.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** false: cookie-authenticated writes to this route need no X-CSRF-Token (sign-in only). */
    csrf?: boolean;
  }
}

/** Methods that change something: with a session cookie they need the CSRF header. */
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// The session a request was authenticated by (absent for Bearer and anonymous requests).
const sessionsByRequest = new WeakMap<FastifyRequest, ActiveSession & { token: string }>();

/** The session behind this request's cookie, when it was authenticated by one. */
export function sessionOf(request: FastifyRequest): (ActiveSession & { token: string }) | undefined {
  return sessionsByRequest.get(request);
}

/**
 * onRequest hook: sets `request.principal` from `Authorization: Bearer <token>` (a malformed or
 * unknown token is a 401) or else from the `palier_session` cookie (an unknown or expired one is
 * cleared and the request goes on anonymous). A cookie-authenticated POST, PUT, PATCH or DELETE
 * without the session's `X-CSRF-Token` is a 403 `csrf`.
 */
export async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { database, clock } = request.server;
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized("the Authorization header must be: Bearer <API token>");
    const principal = await principalForToken(database.db, match[1] as string, clock.now());
    if (!principal) throw unauthorized("this API token is unknown or revoked");
    request.principal = principal;
    return;
  }

  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return;
  const session = await findSession(database.db, token, clock.now());
  if (!session) {
    clearSessionCookie(reply, request.protocol === "https");
    return;
  }
  request.principal = session.principal;
  sessionsByRequest.set(request, { ...session, token });

  if (WRITES.has(request.method) && request.routeOptions.config?.csrf !== false) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken)) {
      throw new HttpError(
        403,
        "csrf",
        `${request.method} with a session cookie needs the header X-CSRF-Token: the csrfToken from /api/v1/auth/login or /api/v1/auth/me`,
      );
    }
  }
}

/** Compares in constant time (hashing first makes the lengths equal). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** preHandler for routes that need a caller. */
export async function requireCaller(request: FastifyRequest): Promise<void> {
  if (!request.principal) throw unauthorized();
}
