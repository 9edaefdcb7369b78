// IMAP failures as the kinds of problem an admin can act on, and the capped backoff between attempts.

import { describe, expect, it } from "vitest";
import { describeMailboxProblem } from "../../core/mail/mailboxProblem.js";
import { classifyImapError } from "./imapErrors.js";
import { backoffMs } from "./imapFetcher.js";
import { SecretUnreadableError } from "../sealedSecret.js";

const failure = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe("IMAP failures", () => {
  it("names the kind of each failure", () => {
    expect(classifyImapError(failure("Authentication failed.", { authenticationFailed: true })).code).toBe("auth");
    expect(classifyImapError(failure("Command failed", { serverResponseCode: "NONEXISTENT", mailboxMissing: true })).code).toBe("folder");
    expect(classifyImapError(failure("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED" })).code).toBe("unreachable");
    expect(classifyImapError(failure("getaddrinfo ENOTFOUND imap.nowhere", { code: "ENOTFOUND" })).code).toBe("unreachable");
    expect(classifyImapError(failure("self-signed certificate", { code: "DEPTH_ZERO_SELF_SIGNED_CERT" })).code).toBe("certificate");
    expect(classifyImapError(failure("certificate has expired", { code: "CERT_HAS_EXPIRED" })).code).toBe("certificate");
    expect(classifyImapError(failure("Timeout", { code: "GREETING_TIMEOUT" })).code).toBe("timeout");
    expect(classifyImapError(failure("wrong version number", { code: "ERR_SSL_WRONG_VERSION_NUMBER" })).code).toBe("tls");
    expect(classifyImapError(new SecretUnreadableError("changed key")).code).toBe("key");
    expect(classifyImapError(failure("Something odd", {}))).toEqual({ code: "other", detail: "Something odd" });
  });

  it("says them in the reader's language", () => {
    expect(describeMailboxProblem("fr", { code: "auth", detail: "" })).toBe("Le serveur a refusé le nom d'utilisateur ou le mot de passe.");
    expect(describeMailboxProblem("nl-BE", { code: "folder", detail: "" })).toBe("Deze map bestaat niet op de server.");
    expect(describeMailboxProblem("en", { code: "other", detail: "BYE going down" })).toBe("The server answered: BYE going down");
  });

  it("waits longer after each failure in a row, never more than the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 9, 100].map((n) => backoffMs(n, 2_000, 300_000))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 300_000, 300_000]);
  });
});
