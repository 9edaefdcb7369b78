// An IMAP failure (from imapflow, the socket, TLS or DNS) as the kind of problem an admin can act
// on: the password, the host or port, the certificate, the folder, a silent server, TLS settings.

import type { MailboxProblem } from "../../core/mail/mailboxProblem.js";
import { SecretUnreadableError } from "../sealedSecret.js";

interface ErrorLike extends Error {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  mailboxMissing?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  _err?: Error;
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ECONNRESET",
  "EPIPE",
  "NoConnection",
  "EConnectionClosed",
]);
const TIMEOUT = new Set(["ETIMEDOUT", "CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT", "ETIMEOUT"]);
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME_MISMATCH/;

/** What went wrong, by kind, with the server's or the system's words. */
export function classifyImapError(error: unknown): MailboxProblem {
  if (error instanceof SecretUnreadableError) return { code: "key", detail: error.message };
  const e = (error instanceof Error ? error : new Error(String(error))) as ErrorLike;
  const cause = e._err as ErrorLike | undefined;
  const code = e.code ?? cause?.code ?? "";
  const detail = [e.responseText, e.message].find((text) => text !== undefined && text !== "") ?? String(error);
  if (e.authenticationFailed || e.serverResponseCode === "AUTHENTICATIONFAILED") return { code: "auth", detail };
  if (e.mailboxMissing || e.serverResponseCode === "NONEXISTENT") return { code: "folder", detail };
  if (CERTIFICATE.test(code)) return { code: "certificate", detail: `${code}: ${detail}` };
  if (TIMEOUT.has(code)) return { code: "timeout", detail };
  if (UNREACHABLE.has(code)) return { code: "unreachable", detail: `${code}: ${detail}` };
  if (e.tlsFailed || code === "ClosedAfterConnectTLS" || /SSL|TLS|wrong version number/i.test(`${code} ${detail}`)) return { code: "tls", detail };
  return { code: "other", detail };
}
