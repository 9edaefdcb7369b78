// The in-memory burst guard on POST /auth/login (@fastify/rate-limit, per client address). The
// sign-in policy itself (failures per e-mail and per address) is store-backed: loginThrottle.

import type { RateLimitOptions, RateLimitPluginOptions } from "@fastify/rate-limit";
import { HttpError } from "../errors.js";

/**
 * At most 60 sign-in requests a minute from one address, whatever their outcome. It bounds the
 * attempts that can race past the store-backed throttle at once, and floods of argon2 work.
 */
export const LOGIN_BURST = { max: 60, timeWindow: 60_000 } satisfies RateLimitOptions;

/** Registered once, for the routes that opt in with `config.rateLimit`. */
export const rateLimitPluginOptions: RateLimitPluginOptions = {
  global: false,
  errorResponseBuilder: (_request, context) => new HttpError(429, "rate_limited", `too many sign-in attempts from this address; retry in ${context.after}`),
};
