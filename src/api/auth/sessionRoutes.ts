// Browser sign-in: POST /auth/login, POST /auth/logout, GET /auth/me, PATCH /auth/me for the
// caller's own language and time zone, and GET /auth/session (the app's probe, a 200 when signed
// out). The session lives in an HTTP-only cookie; the answer carries the CSRF token the app sends
// back on writes.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { canonicalTimeZone } from "../../core/i18n/index.js";
import { describePrincipal, updateProfile } from "../../store/accounts.js";
import { logIn, logOut } from "../../store/sessions.js";
import { credentialsChanged } from "../routes/notifications/notificationHub.js";
import { HttpError, unauthorized } from "../errors.js";
import { sessionOf } from "./authenticate.js";
import { LOGIN_BURST } from "./loginRateLimit.js";
import { SESSION_COOKIE, clearSessionCookie, sessionCookieOptions } from "./sessionCookie.js";
import { PrincipalSchema, ProfileChangeSchema, SessionAnswerSchema } from "./schemas.js";

export interface SessionRoutesOptions {
  /** Send the cookie with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
}

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    scope: Type.Optional(Type.Enum(["agent", "customer"], { default: "agent", description: "agent (default) or customer" })),
  },
  { additionalProperties: false },
);

/** The login, logout and me routes, and the caller's own profile. */
export const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, options) => {
  app.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the palier_session cookie and answers the CSRF token for writes",
        security: [],
        body: LoginBody,
        response: { 200: SessionAnswerSchema },
      },
      config: { csrf: false, rateLimit: LOGIN_BURST },
    },
    async (request, reply) => {
      const { database, clock } = request.server;
      const result = await logIn(database.db, {
        email: request.body.email,
        password: request.body.password,
        scope: request.body.scope === "customer" ? "customer" : "agent",
        ip: request.ip,
        now: clock.now(),
        previousToken: request.cookies[SESSION_COOKIE],
      });
      if (result.outcome === "throttled") {
        reply.header("retry-after", String(result.retryAfterSeconds));
        throw new HttpError(
          429,
          "rate_limited",
          `too many failed sign-ins for this e-mail address or from this address; retry in ${result.retryAfterSeconds} s`,
        );
      }
      if (result.outcome === "failed") throw unauthorized("wrong e-mail or password");
      reply.setCookie(SESSION_COOKIE, result.session.token, sessionCookieOptions(options.secureCookies));
      return { principal: result.view, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out: ends the session and clears its cookie", response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await logOut(request.server.database.db, { token, ip: request.ip, now: request.server.clock.now() });
        credentialsChanged();
      }
      clearSessionCookie(reply, options.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/me",
    { schema: { tags: ["auth"], summary: "The caller, and the session's CSRF token (null with an API token)", response: { 200: SessionAnswerSchema } } },
    async (request) => {
      if (!request.principal) throw unauthorized();
      const principal = await describePrincipal(request.server.database.db, request.principal);
      if (!principal) throw unauthorized("your account no longer exists");
      return { principal, csrfToken: sessionOf(request)?.csrfToken ?? null };
    },
  );

  app.patch(
    "/api/v1/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change the caller's own language (locale) and time zone; answers as GET /auth/me",
        body: ProfileChangeSchema,
        response: { 200: SessionAnswerSchema },
      },
    },
    async (request) => {
      if (!request.principal) throw unauthorized();
      const { locale, timeZone } = request.body;
      let zone: string | null | undefined = timeZone;
      if (typeof timeZone === "string") {
        zone = canonicalTimeZone(timeZone.trim());
        if (zone === undefined) {
          const message = `"${timeZone}" is not an IANA time zone (for example Europe/Brussels)`;
          throw new HttpError(400, "invalid_request", `timeZone: ${message}`, [{ path: "timeZone", code: "unknown_time_zone", message }]);
        }
      }
      const { database, clock } = request.server;
      const principal = await updateProfile(database.db, request.principal, { locale, timeZone: zone }, clock.now());
      if (!principal) throw unauthorized("your account no longer exists");
      return { principal, csrfToken: sessionOf(request)?.csrfToken ?? null };
    },
  );

  // The app's probe at start: being signed out is an answer, not an error (no 401 in the console).
  app.get(
    "/api/v1/auth/session",
    {
      schema: {
        tags: ["auth"],
        summary: "The caller and the session's CSRF token, as /auth/me; signed out: principal and csrfToken null, still a 200",
        security: [],
        response: { 200: Type.Object({ principal: Type.Union([PrincipalSchema, Type.Null()]), csrfToken: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const principal = request.principal ? await describePrincipal(request.server.database.db, request.principal) : null;
      return principal ? { principal, csrfToken: sessionOf(request)?.csrfToken ?? null } : { principal: null, csrfToken: null };
    },
  );
};
