// Reads PostgreSQL's error code and constraint through drizzle's wrapping.

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error inside `error` (drizzle wraps it as `cause`), if any. */
export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as Partial<PgErrorInfo>;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgErrorInfo;
  }
  return undefined;
}
