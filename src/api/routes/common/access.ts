// The caller of a route, as a principal and as the actor the store records, and the errors
// of the customer scope.

import type { FastifyRequest } from "fastify";
import { authorize, type Permission, type Principal } from "../../../core/access/permissions.js";
import type { Actor } from "../../../core/events/actor.js";
import { HttpError, unauthorized } from "../../errors.js";

/** The authenticated caller after checking `permission`: 401 without one, 403 without the permission. */
export function callerWith(request: FastifyRequest, permission: Permission): Principal {
  const principal = request.principal;
  if (!principal) throw unauthorized();
  authorize(principal, permission);
  return principal;
}

/** Who the store records as having made a change. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.kind, id: principal.id };
}

/** A 403 with its own reason (the customer scope, a field only staff may set). */
export function forbidden(message: string): HttpError {
  return new HttpError(403, "forbidden", message);
}

/** The instant of this request, from the app's clock. */
export function now(request: FastifyRequest): Date {
  return request.server.clock.now();
}
