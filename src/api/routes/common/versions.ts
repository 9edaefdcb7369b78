// Optimistic concurrency over HTTP: `ETag: "<version>"` on reads, and the version a writer read
// from `If-Match` (or `version` in the body) on updates.

import type { FastifyReply, FastifyRequest } from "fastify";
import { badRequest } from "../../errors.js";

/** Sets `ETag: "<version>"`. */
export function setETag(reply: FastifyReply, version: number): void {
  reply.header("etag", `"${version}"`);
}

/**
 * The version the caller expects, from `If-Match: "3"` (weak `W/"3"` and bare `3` accepted; `*`
 * means any) or from `version` in the body; undefined when neither is given. A malformed header,
 * or a header and a body that disagree, is a 400.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers["if-match"];
  let fromHeader: number | undefined;
  if (typeof header === "string" && header.trim() !== "*") {
    const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
    if (!match) throw badRequest("headers.if-match", 'must be the ETag you read, e.g. "3"');
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw badRequest("version", `disagrees with If-Match (${fromHeader})`);
  }
  return fromHeader ?? bodyVersion;
}
