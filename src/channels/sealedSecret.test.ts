// Mailbox passwords at rest: sealed and opened under one key, never readable in what is stored,
// refused (not garbled) under another key or altered; the key file written once and reused.

import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSecretKey, openSecret, sealSecret, SecretUnreadableError } from "./sealedSecret.js";

describe("mailbox secrets", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("seals with a fresh IV each time and opens under the same key only", () => {
    const key = randomBytes(32);
    const one = sealSecret(key, "mot de passe é€");
    const two = sealSecret(key, "mot de passe é€");
    expect(one).not.toBe(two);
    expect(one).not.toContain("mot de passe");
    expect(openSecret(key, one)).toBe("mot de passe é€");
    expect(() => openSecret(randomBytes(32), one)).toThrow(SecretUnreadableError);
    const [version, iv, tag, body] = one.split(":");
    const altered = [version, iv, tag, Buffer.from(Buffer.from(body ?? "", "base64").map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString("base64")].join(
      ":",
    );
    expect(() => openSecret(key, altered)).toThrow(SecretUnreadableError);
    expect(() => openSecret(key, "plain text")).toThrow(SecretUnreadableError);
  });

  it("takes the configured key, else writes secret.key once (mode 0600) and reads it back", () => {
    const configured = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), "palier-key-"));
    dirs.push(dir);
    expect(loadSecretKey({ configured, dataDir: dir }).equals(configured)).toBe(true);
    const first = loadSecretKey({ configured: undefined, dataDir: join(dir, "data") });
    const again = loadSecretKey({ configured: undefined, dataDir: join(dir, "data") });
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    expect(readFileSync(join(dir, "data", "secret.key"), "utf8").trim()).toBe(first.toString("hex"));
    expect(statSync(join(dir, "data", "secret.key")).mode & 0o777).toBe(0o600);
  });
});
