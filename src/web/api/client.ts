// The HTTP client of the browser app: JSON in and out, the API's one error shape, and the
// CSRF token, kept in memory only, sent on every write (the session cookie is HTTP-only).

const BASE = "/api/v1";

/** An error answer of the API: `{error: {code, message, details}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field problems: `message` in the reader's language, `label` the field in words (when the server knows the language). */
    readonly details: readonly { path: string; message: string; code?: string; label?: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Keeps the token of the current session (from login or `GET /auth/me`); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401: the session ended or expired. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | readonly string[] | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as the body, as it is, with its own type (an upload). */
  file?: Blob;
  headers?: Record<string, string>;
  /** Do not report a 401 as the end of the session (login, me). */
  quiet401?: boolean;
}

export interface Answer<T> {
  data: T;
  headers: Headers;
}

/** `?a=1&b=x,y` from the set entries of `query`. */
export function queryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(","));
    } else params.set(name, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

const WRITES = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** Calls the API; resolves with the JSON answer, rejects with an {@link ApiError}. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.file !== undefined) headers["Content-Type"] = options.file.type || "application/octet-stream";
  if (WRITES.has(method) && csrfToken !== null) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const json: unknown = text === "" ? undefined : parseJson(text);
  if (!response.ok) {
    const error = errorOf(response.status, json);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  return { data: json as T, headers: response.headers };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(status: number, json: unknown): ApiError {
  if (typeof json === "object" && json !== null && "error" in json) {
    const error = (json as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    const details = Array.isArray(error.details) ? (error.details as { path: string; message: string; code?: string; label?: string }[]) : [];
    return new ApiError(status, String(error.code ?? "error"), String(error.message ?? `HTTP ${status}`), details);
  }
  return new ApiError(status, "http", `HTTP ${status}`);
}
