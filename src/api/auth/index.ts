// The accounts-and-security part of the API, as one plugin: sessions, API tokens, security events.

import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { credentialDummyHash } from "../../store/accounts.js";
import { rejectDeepBodies, rejectNulCharacters, validatorCompiler } from "../routes/common/validation.js";
import { rateLimitPluginOptions } from "./loginRateLimit.js";
import { securityEventRoutes } from "./securityEventRoutes.js";
import { sessionRoutes } from "./sessionRoutes.js";
import { tokenRoutes } from "./tokenRoutes.js";

export interface AuthRoutesOptions {
  /** Send the session cookie with the Secure flag (behind HTTPS). */
  secureCookies?: boolean;
}

/** Registers /auth/login, /auth/logout, /auth/me, /tokens and /security-events. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  // Hash the dummy password now, so that the first unknown e-mail costs no more than the rest.
  await credentialDummyHash();
  // Validated as the resource routes are: strict bodies, JSON only (text/plain is a 415, which
  // also keeps cross-site forms from posting a login), no NUL characters (PostgreSQL text cannot hold them).
  app.setValidatorCompiler(validatorCompiler);
  app.removeContentTypeParser("text/plain");
  app.addHook("preValidation", rejectDeepBodies);
  app.addHook("preValidation", rejectNulCharacters);
  await app.register(rateLimit, rateLimitPluginOptions);
  await app.register(sessionRoutes, { secureCookies: options.secureCookies ?? false });
  await app.register(tokenRoutes);
  await app.register(securityEventRoutes);
};
