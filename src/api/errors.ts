// The one error shape of the API, and the mapping from domain errors to HTTP statuses.
// The domain never knows about HTTP: only this file does.

import { SignatureRefused } from "../channels/social/signature.js";
import { DeliveryReplayed } from "../commands/social/receiveSocial.js";
import { SocialEventInvalid } from "../core/social/socialEvent.js";
import { CallInvalid } from "../core/phone/call.js";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../core/access/permissions.js";
import {
  AlreadyEscalated,
  EscalationInvalid,
  EscalationNotFound,
  EscalationStateError,
  NotTheApprover,
  NotTheReceiver,
  problemField,
  problemMessage,
} from "../core/escalation/escalationInvalid.js";
import { acceptedLocale, fieldLabel, issueMessage, isLocale, type Locale, translate } from "../core/i18n/index.js";
import { KbInvalid } from "../core/kb/article.js";
import { ProcedureInvalid } from "../core/procedure/procedure.js";
import { InvalidScheduleError } from "../core/oncall/scheduleSpec.js";
import { RuleInvalid } from "../core/rules/validate.js";
import { OutOfOfficeInvalid } from "../core/routing/availability.js";
import { PolicyValidationError } from "../core/sla/policyValidation.js";
import { StatusTransitionError } from "../core/ticket/ticket.js";
import { readerLanguage } from "../store/accounts.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "../store/errors.js";

/**
 * One problem with one field: its dotted `path` and stable `code` for integrators, and `message`.
 * `message` is English as written for a caller that names no language; for a reader whose
 * language is known (their profile, else Accept-Language) it is the problem in that language,
 * with `label` naming the field in words. `params` fill the message and are not sent.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  label?: string;
}

/** A detail as the API sends it. */
type SentDetail = { path: string; code: string; message: string; label?: string };

export interface ErrorBody {
  error: { code: string; message: string; details: SentDetail[] };
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

/** An escalation's problems for a reader of `locale`: each with its field in words and the problem from the `escalation` namespace. */
export function escalationErrorBody(locale: Locale, error: EscalationInvalid): ErrorBody {
  const details = error.problems.map((p) => ({ path: p.path, code: p.code, message: problemMessage(locale, p), label: problemField(locale, p.path) }));
  const summary = details.map((d) => translate(locale, "errors.item", { field: d.label, message: d.message }));
  return { error: { code: "invalid_request", message: summary.join("; "), details } };
}

/** The error body, in English as written: each detail's code defaults to `invalid`. */
export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details: details.map((d) => ({ path: d.path, code: d.code ?? "invalid", message: d.message })) } };
}

/**
 * The error body for a reader of `locale`: each coded detail's problem in their words beside the
 * field's name, and the summary made of them. A detail without a code keeps its English words.
 */
export function localizedErrorBody(locale: Locale, code: string, details: ErrorDetail[]): ErrorBody {
  const sent = details.map((d) => {
    const issue = { path: d.path, code: d.code ?? "invalid", params: d.params };
    const message = d.code ? issueMessage(locale, issue) : d.message;
    return { path: d.path, code: issue.code, message, label: fieldLabel(locale, d.path) };
  });
  const summary = sent.map((d) => translate(locale, "errors.item", { field: d.label, message: d.message }));
  return { error: { code, message: summary.join("; "), details: sent } };
}

/**
 * The language to tell this request's caller about their errors in: a signed-in browser's profile,
 * else the first of Accept-Language Palier speaks; undefined keeps English as written (an API
 * client, even one whose token belongs to a French agent, reads what it always read).
 */
export async function readerLocale(request: FastifyRequest): Promise<Locale | undefined> {
  if (request.principal && request.headers.authorization === undefined) {
    try {
      const language = (await readerLanguage(request.server.database.db, request.principal))?.slice(0, 2).toLowerCase();
      if (isLocale(language)) return language;
    } catch {
      // The database failing here must not hide the error being reported.
    }
  }
  return acceptedLocale(request.headers["accept-language"]);
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
    return { path, message, ...schemaIssueCode(issue.keyword, params) };
  });
}

/** The stable code (and the values its sentence needs) of a schema keyword that failed. */
function schemaIssueCode(keyword: string, params: Record<string, unknown>): Pick<ErrorDetail, "code" | "params"> {
  const limit = typeof params.limit === "number" ? params.limit : Number(params.limit ?? 0);
  if (typeof params.additionalProperty === "string") return { code: "unknown_field" };
  if (typeof params.missingProperty === "string") return { code: "required" };
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
      return { code: "too_small", params: { limit } };
    case "maximum":
    case "exclusiveMaximum":
      return { code: "too_large", params: { limit } };
    case "minLength":
      return { code: "too_short", params: { limit } };
    case "maxLength":
      return { code: "too_long", params: { limit } };
    case "minItems":
      return { code: "too_few_items", params: { limit } };
    case "maxItems":
      return { code: "too_many_items", params: { limit } };
    case "uniqueItems":
      return { code: "duplicate_items" };
    case "type":
      return { code: "wrong_type", params: { type: String(params.type ?? "other") } };
    case "enum":
    case "const": {
      const values = Array.isArray(params.allowedValues) ? params.allowedValues : "allowedValue" in params ? [params.allowedValue] : [];
      return { code: "not_allowed_value", params: { values: values.map(String).join(", ") } };
    }
    case "format":
      // ICU select keys are words: date-time reads date_time.
      return { code: "wrong_format", params: { format: String(params.format ?? "other").replace(/-/g, "_") } };
    case "pattern":
      return { code: "wrong_format", params: { format: "other" } };
    case "anyOf":
      return { code: "no_matching_form" };
    default:
      return { code: "invalid" };
  }
}

/**
 * Maps any error to the API's shape; unexpected ones are logged and become a 500 without
 * internals. Field problems (`details`) read in the caller's language when it is known.
 */
export async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const fields = fieldProblems(error);
  if (fields?.escalation) {
    // The human escalation's problems read from its own namespace, English when no language is known.
    return reply.status(400).send(escalationErrorBody((await readerLocale(request)) ?? "en", fields.escalation));
  }
  if (fields) {
    const locale = await readerLocale(request);
    return reply
      .status(fields.status)
      .send(locale ? localizedErrorBody(locale, fields.code, fields.details) : errorBody(fields.code, fields.message, fields.details));
  }
  return answerOther(error, request, reply);
}

/** The status, code and details of an error about fields; undefined for any other. */
function fieldProblems(
  error: FastifyError,
): { status: number; code: string; message: string; details: ErrorDetail[]; escalation?: EscalationInvalid } | undefined {
  if (error instanceof HttpError && error.details.length > 0) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (error.validation) {
    const details = validationDetails(error);
    return { status: 400, code: "invalid_request", message: details.map((d) => `${d.path}: ${d.message}`).join("; "), details };
  }
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return { status: 400, code: "invalid_request", message: error.message, details: [{ path: "body", code: "invalid_json", message: error.message }] };
  }
  if (error instanceof EscalationInvalid) return { status: 400, code: "invalid_request", message: error.message, details: [], escalation: error };
  if (error instanceof CallInvalid)
    return { status: 400, code: "invalid_request", message: error.message, details: [{ path: error.path, message: error.problem }] };
  if (error instanceof SocialEventInvalid)
    return { status: 400, code: "invalid_request", message: error.message, details: [{ path: error.path, message: error.problem }] };
  if (
    error instanceof PolicyValidationError ||
    error instanceof RuleInvalid ||
    error instanceof InvalidScheduleError ||
    error instanceof OutOfOfficeInvalid ||
    error instanceof KbInvalid ||
    error instanceof ProcedureInvalid
  ) {
    const details = error.problems.map(({ path, code, params, message }) => ({ path, code, params, message }));
    return { status: 400, code: "invalid_request", message: error.message, details };
  }
  return undefined;
}

function answerOther(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
  if (error instanceof SignatureRefused)
    return reply.status(401).send(errorBody("invalid_signature", error.message, [{ path: "headers", code: error.problem, message: error.message }]));
  if (error instanceof DeliveryReplayed) return reply.status(409).send(errorBody("replayed", error.message, [{ path: "deliveryId", message: error.message }]));
  if (error instanceof NotFoundError) return reply.status(404).send(errorBody("not_found", error.message));
  if (error instanceof VersionConflictError) return reply.status(409).send(errorBody("version_conflict", error.message));
  if (error instanceof StatusTransitionError)
    return reply.status(409).send(errorBody("invalid_transition", error.message, [{ path: "status", message: error.message }]));
  if (error instanceof DuplicateError) return reply.status(409).send(errorBody("duplicate", error.message, [{ path: error.path, message: error.message }]));
  if (error instanceof InvalidReferenceError)
    return reply.status(400).send(errorBody("invalid_request", error.message, [{ path: error.path, message: error.message.slice(error.path.length + 2) }]));
  if (error instanceof ForbiddenError) return reply.status(403).send(errorBody("forbidden", error.message));
  if (error instanceof NotTheReceiver || error instanceof NotTheApprover) return reply.status(403).send(errorBody("forbidden", error.message));
  if (error instanceof EscalationNotFound) return reply.status(404).send(errorBody("not_found", error.message));
  if (error instanceof EscalationStateError || error instanceof AlreadyEscalated) return reply.status(409).send(errorBody("conflict", error.message));
  const status = error.statusCode ?? 500;
  if (status === 413) return reply.status(413).send(errorBody("payload_too_large", "the request body is too large"));
  if (status === 415) return reply.status(415).send(errorBody("unsupported_media_type", "send the body as application/json"));
  if (status === 429) return reply.status(429).send(errorBody("rate_limited", error.message));
  if (status >= 400 && status < 500) return reply.status(status).send(errorBody("invalid_request", error.message));
  request.log.error({ err: error }, "unexpected error");
  request.server.reportUnexpected(error, request);
  return reply.status(500).send(errorBody("internal", "an unexpected error occurred; it has been logged"));
}
