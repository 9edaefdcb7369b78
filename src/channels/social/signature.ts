// The signature of a social webhook, both ways (docs/social.md): HMAC-SHA256, keyed by the
// network's shared secret, of the Unix timestamp in seconds, a dot, and the raw body; sent as
// `X-Palier-Signature: sha256=<hex>` with the timestamp in `X-Palier-Timestamp`. A request signed
// more than SIGNATURE_WINDOW_MS away from the server's clock is refused, so that a captured one
// cannot be sent again later; within the window, its delivery id refuses it a second time.

import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a request's timestamp may be from the server's clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** `sha256=<hex>` for `rawBody` sent at `timestamp` (Unix seconds). */
export function socialSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** Why a request's signature was refused. */
export type SignatureProblem = "missing" | "malformed" | "mismatch" | "expired" | "not_configured";

/** A request whose signature does not hold; the HTTP edge answers 401. */
export class SignatureRefused extends Error {
  constructor(
    readonly problem: SignatureProblem,
    message: string,
  ) {
    super(message);
    this.name = "SignatureRefused";
  }
}

/** Checks a request's signature at `now`; SignatureRefused saying why when it does not hold. */
export function verifySocialSignature(props: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
  windowMs?: number;
}): void {
  const { timestamp, signature } = props;
  if (!signature) throw new SignatureRefused("missing", "X-Palier-Signature is missing");
  if (!timestamp) throw new SignatureRefused("missing", "X-Palier-Timestamp is missing");
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureRefused("malformed", "X-Palier-Timestamp must be Unix seconds");
  if (!/^sha256=[0-9a-f]{64}$/.test(signature)) throw new SignatureRefused("malformed", "X-Palier-Signature must be sha256=<64 hex digits>");
  const expected = Buffer.from(socialSignature(props.secret, timestamp, props.rawBody));
  if (!timingSafeEqual(expected, Buffer.from(signature))) throw new SignatureRefused("mismatch", "X-Palier-Signature does not match the body and timestamp");
  // Checked after the signature, so that only the secret's holder learns the server's clock is off.
  const skew = Math.abs(props.now.getTime() - Number(timestamp) * 1000);
  if (skew > (props.windowMs ?? SIGNATURE_WINDOW_MS))
    throw new SignatureRefused(
      "expired",
      `X-Palier-Timestamp is ${Math.round(skew / 1000)} s away from the server's clock (at most ${(props.windowMs ?? SIGNATURE_WINDOW_MS) / 1000} s)`,
    );
}
