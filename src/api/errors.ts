// The one error shape of the API, and the mapping from domain errors to HTTP statuses.
// The domain never knows about HTTP: only this file does.

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../core/access/permissions.js";
import { PolicyValidationError } from "../core/sla/policyValidation.js";
import { StatusTransitionError } from "../core/ticket/ticket.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "../store/errors.js";

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

/** An error that already knows its HTTP status and code (thrown by routes and auth). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = (message = "sign in, or send an API token as Authorization: Bearer …") => new HttpError(401, "unauthorized", message);
export const notFound = (what: string) => new HttpError(404, "not_found", `${what} does not exist`);
export const badRequest = (path: string, message: string) => new HttpError(400, "invalid_request", `${path}: ${message}`, [{ path, message }]);

export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

// ajv's instancePath (/customer/email) as a dotted path (customer.email), prefixed by where.
function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext === "body" ? "" : `${error.validationContext ?? "request"}.`;
  return (error.validation ?? []).map((issue) => {
    const base = issue.instancePath
      .replace(/^\//, "")
      .replace(/\/(\d+)(?=\/|$)/g, "[$1]")
      .replace(/\//g, ".");
    const params = issue.params as Record<string, unknown>;
    const extra =
      typeof params.additionalProperty === "string"
        ? params.additionalProperty
        : typeof params.missingProperty === "string"
          ? params.missingProperty
          : undefined;
    const path = `${where}${[base, extra].filter(Boolean).join(".")}` || (error.validationContext ?? "body");
    const message = params.additionalProperty ? "is not a known field" : params.missingProperty ? "is required" : (issue.message ?? "is invalid");
    return { path, message };
  });
}

/** Maps any error to the API's shape; unexpected ones are logged and become a 500 without internals. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
  if (error.validation) {
    const details = validationDetails(error);
    return reply.status(400).send(errorBody("invalid_request", details.map((d) => `${d.path}: ${d.message}`).join("; "), details));
  }
  if (error instanceof NotFoundError) return reply.status(404).send(errorBody("not_found", error.message));
  if (error instanceof VersionConflictError) return reply.status(409).send(errorBody("version_conflict", error.message));
  if (error instanceof StatusTransitionError)
    return reply.status(409).send(errorBody("invalid_transition", error.message, [{ path: "status", message: error.message }]));
  if (error instanceof DuplicateError) return reply.status(409).send(errorBody("duplicate", error.message, [{ path: error.path, message: error.message }]));
  if (error instanceof InvalidReferenceError)
    return reply.status(400).send(errorBody("invalid_request", error.message, [{ path: error.path, message: error.message.slice(error.path.length + 2) }]));
  if (error instanceof PolicyValidationError) {
    const details = error.problems.map(({ path, message }) => ({ path, message }));
    return reply.status(400).send(errorBody("invalid_request", error.message, details));
  }
  if (error instanceof ForbiddenError) return reply.status(403).send(errorBody("forbidden", error.message));
  const status = error.statusCode ?? 500;
  if (status === 413) return reply.status(413).send(errorBody("payload_too_large", "the request body is too large"));
  if (status === 415) return reply.status(415).send(errorBody("unsupported_media_type", "send the body as application/json"));
  if (status === 429) return reply.status(429).send(errorBody("rate_limited", error.message));
  if (status >= 400 && status < 500) return reply.status(status).send(errorBody("invalid_request", error.message));
  request.log.error({ err: error }, "unexpected error");
  request.server.reportUnexpected(error, request);
  return reply.status(500).send(errorBody("internal", "an unexpected error occurred; it has been logged"));
}
