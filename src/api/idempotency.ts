// `Idempotency-Key` on POSTs: a retried request with the same key and body gets the first
// answer (same status, same body) instead of a duplicate; the same key with another request
// is a 409. Keys are per caller.

import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../store/database.js";
import { runOnce } from "../store/idempotency.js";
import { badRequest, HttpError, unauthorized } from "./errors.js";

/** What a write answers: a status and a JSON body. */
export interface Answer<B> {
  status: number;
  body: B;
}

/**
 * Runs `work` once per `Idempotency-Key` (when the header is given), sets the reply's status
 * and returns the body to send. A replay carries `Idempotent-Replayed: true`.
 */
export async function idempotent<B>(request: FastifyRequest, reply: FastifyReply, work: (db: Db) => Promise<Answer<B>>): Promise<B> {
  const db = request.server.database.db;
  const header = request.headers["idempotency-key"];
  if (header === undefined) {
    const answer = await work(db);
    reply.status(answer.status);
    return answer.body;
  }
  if (typeof header !== "string" || !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw badRequest("headers.idempotency-key", "must be 1 to 255 visible ASCII characters (a UUID is a good key)");
  }
  const principal = request.principal;
  if (!principal) throw unauthorized();
  const path = request.url.split("?")[0] ?? request.url;
  const requestHash = createHash("sha256")
    .update(canonicalJson([request.method, path, request.body ?? null]))
    .digest("hex");
  const outcome = await runOnce(
    db,
    { principal: `${principal.kind}:${principal.id}`, key: header, method: request.method, path, requestHash },
    request.server.clock.now(),
    work,
  );
  if ("fresh" in outcome) {
    reply.status(outcome.fresh.status);
    return outcome.fresh.body;
  }
  const stored = outcome.replayed;
  if (stored.requestHash !== requestHash) {
    throw new HttpError(
      409,
      "idempotency_key_reused",
      `this Idempotency-Key was already used for another request (${stored.method} ${stored.path} with another body); use a new key`,
      [{ path: "headers.idempotency-key", message: "was already used for another request" }],
    );
  }
  reply.status(stored.status).header("idempotent-replayed", "true");
  return stored.body as B;
}

/** JSON with object keys sorted, so that key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
