// The session cookie: its name and flags, in one place for sign-in, sign-out and expiry.

import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyReply } from "fastify";
import { SESSION_MAX_MS } from "../../store/sessions.js";

/** The cookie that carries a browser session's token. */
export const SESSION_COOKIE = "palier_session";

/** HTTP-only, SameSite=Lax, whole site; Secure behind HTTPS. Lives as long as a session can. */
export function sessionCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: Math.floor(SESSION_MAX_MS / 1000) };
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(reply: FastifyReply, secure = false): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", path: "/", secure });
}
