// Palier's configuration: every environment variable, documented and validated in one place;
// all problems are reported together at start-up.

import { resolve } from "node:path";
import { parseInstant } from "./core/time/iso.js";

export interface Config {
  /** HTTP port (`PORT`, default 3000). */
  port: number;
  /** Interface to listen on (`HOST`, default 127.0.0.1; 0.0.0.0 to accept remote connections). */
  host: string;
  /** `DATABASE_URL`: PostgreSQL (≥ 15). Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** `PALIER_DATA_DIR`, default ./data: PGlite's files and lock. */
  dataDir: string;
  /** First start: the admin's e-mail (`PALIER_ADMIN_EMAIL`, default admin@palier.local). */
  adminEmail: string;
  /** First start: the admin's password (`PALIER_ADMIN_PASSWORD`); unset: generated and printed once. */
  adminPassword: string | undefined;
  /** First start: an admin API token with this value (`PALIER_ADMIN_TOKEN`), for automated set-ups. */
  adminToken: string | undefined;
  /** Seed the demo workspace into an empty database (`PALIER_DEMO`, default 1; 0 to skip). */
  demo: boolean;
  /** `PALIER_CLOCK=manual`: the whole system runs on a clock moved through the API (tests, demos). */
  manualClock: boolean;
  /** `PALIER_CLOCK_START`: where a manual clock starts (an ISO 8601 instant with an offset); unset: the current time. */
  clockStart: Date | undefined;
  /** Send cookies with the Secure flag (`PALIER_SECURE_COOKIES`, default 0: set 1 behind HTTPS). */
  secureCookies: boolean;
  /** `SMTP_URL`: smtp://user:pass@host:port or smtps://…; unset: e-mails stay in the built-in mailbox. */
  smtpUrl: string | undefined;
  /** The From of e-mails (`PALIER_MAIL_FROM`, default `Palier <palier@localhost>`). */
  mailFrom: string;
  /** The built-in SMTP receiver's port (`SMTP_IN_PORT`, default 2525; 0 any free port; `off` none). */
  smtpInPort: number | null;
  /** Where it listens (`SMTP_IN_HOST`, default HOST). */
  smtpInHost: string;
  /** The largest message taken, in bytes (`MAIL_MAX_BYTES`, default 25 MiB). */
  mailMaxBytes: number;
  /**
   * `PALIER_SECRET_KEY`: the key that encrypts IMAP mailbox passwords (AES-256-GCM), 32 bytes as
   * 64 hex digits or base64. Unset: `secret.key` in the data directory, generated on first use.
   * Set it when several processes on several machines share one PostgreSQL.
   */
  secretKey: Buffer | undefined;
}

/** Thrown with every problem in the environment, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration from `env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const flag = (name: string, fallback: boolean): boolean => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
    if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
    problems.push(`${name}: "${value}" is not a boolean (1 or 0)`);
    return fallback;
  };
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push(`PORT: "${env.PORT}" is not a port number (0–65535)`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push(`DATABASE_URL: expected postgres://user@host:port/database`);
  const adminEmail = env.PALIER_ADMIN_EMAIL || "admin@palier.local";
  if (!/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push(`PALIER_ADMIN_EMAIL: "${adminEmail}" is not an e-mail address`);
  const adminPassword = env.PALIER_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) problems.push("PALIER_ADMIN_PASSWORD: use at least 10 characters");
  const adminToken = env.PALIER_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 24) problems.push("PALIER_ADMIN_TOKEN: use at least 24 characters");
  const clock = env.PALIER_CLOCK ?? "system";
  if (clock !== "system" && clock !== "manual") problems.push(`PALIER_CLOCK: "${clock}" is not system or manual`);
  const clockStart = instantOf(env.PALIER_CLOCK_START, "PALIER_CLOCK_START", problems);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !isSmtpUrl(smtpUrl)) problems.push("SMTP_URL: expected smtp://user:password@host:port or smtps://user:password@host:port");
  const mailFrom = env.PALIER_MAIL_FROM || "Palier <palier@localhost>";
  if (!/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(mailFrom.trim()))
    problems.push(`PALIER_MAIL_FROM: "${mailFrom}" is not an address (palier@example.org or Palier <palier@example.org>)`);
  const smtpIn = (env.SMTP_IN_PORT ?? "2525").trim();
  const smtpInPort = smtpIn === "off" ? null : Number(smtpIn);
  if (smtpInPort !== null && !(/^\d+$/.test(smtpIn) && smtpInPort <= 65_535))
    problems.push(`SMTP_IN_PORT: "${env.SMTP_IN_PORT}" is not a port number (0–65535) nor off`);
  const mailMaxBytes = Number(env.MAIL_MAX_BYTES ?? 25 * 1024 * 1024);
  if (!Number.isSafeInteger(mailMaxBytes) || mailMaxBytes < 1024)
    problems.push(`MAIL_MAX_BYTES: "${env.MAIL_MAX_BYTES}" is not a number of bytes (1024 or more)`);
  const secretKey = secretKeyOf(env.PALIER_SECRET_KEY, problems);
  const config: Config = {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    dataDir: resolve(env.PALIER_DATA_DIR || "data"),
    adminEmail,
    adminPassword,
    adminToken,
    demo: flag("PALIER_DEMO", true),
    manualClock: clock === "manual",
    clockStart,
    secureCookies: flag("PALIER_SECURE_COOKIES", false),
    smtpUrl,
    mailFrom: mailFrom.trim(),
    smtpInPort,
    smtpInHost: env.SMTP_IN_HOST || env.HOST || "127.0.0.1",
    mailMaxBytes,
    secretKey,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A 32-byte key written as 64 hex digits or base64; undefined when unset. */
function secretKeyOf(value: string | undefined, problems: string[]): Buffer | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) {
    problems.push("PALIER_SECRET_KEY: expected 32 bytes, as 64 hex digits or base64 (openssl rand -hex 32)");
    return undefined;
  }
  return key;
}

/** Whether `url` names an SMTP server: smtp: or smtps:, with a host. */
function isSmtpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "smtp:" || parsed.protocol === "smtps:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}

/** The instant an ISO 8601 variable names, or undefined when unset; a bad value is a problem. */
function instantOf(value: string | undefined, name: string, problems: string[]): Date | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    return new Date(parseInstant(value));
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return undefined;
  }
}
