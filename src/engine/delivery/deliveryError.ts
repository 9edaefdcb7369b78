// Why a delivery failed: most failures are retried; a message that can never go out (a payload
// missing its subject, a recipient that no longer exists) is dead at once.

/** A failure that no retry can cure: the outbox row is dead at its first attempt. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

/** A short text for `outbox.last_error`. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message && !error.message.includes(cause.message) ? `: ${cause.message}` : "";
    return `${error.message}${detail}`.slice(0, 2000);
  }
  return String(error).slice(0, 2000);
}

/** A string field of a payload, or a PermanentDeliveryError naming it. */
export function requiredText(payload: Record<string, unknown>, field: string, kind: string): string {
  const value = payload[field];
  if (typeof value !== "string" || value === "") throw new PermanentDeliveryError(`the ${kind} payload has no ${field} (a non-empty string)`);
  return value;
}
