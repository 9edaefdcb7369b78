// Secrets at rest (IMAP mailbox passwords, social networks' shared secrets): sealed with
// AES-256-GCM (node:crypto) under one key, which comes from PALIER_SECRET_KEY or else from
// `secret.key` in the data directory, generated once. What is stored reads
// `v1:<iv>:<tag>:<ciphertext>` (base64); a sealed text altered or opened under another key fails
// to open instead of giving a wrong secret.

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const VERSION = "v1";
const KEY_FILE = "secret.key";

/** Thrown when a stored secret cannot be opened: another key, or altered. */
export class SecretUnreadableError extends Error {}

/** Seals `plain` under `key` (32 bytes). */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

/** Opens what {@link sealSecret} made; throws SecretUnreadableError under another key or when altered. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) throw new SecretUnreadableError("not a sealed secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError("the secret cannot be opened with this key (PALIER_SECRET_KEY or secret.key changed?)");
  }
}

/**
 * Opens a secret that may have been stored before it was sealed: sealed text is opened, anything
 * else is read as it is (sealed at its next change).
 */
export function openStoredSecret(key: Buffer, stored: string): string {
  return isSealed(stored) ? openSecret(key, stored) : stored;
}

/** Whether `stored` is sealed text (what {@link sealSecret} makes) rather than a secret stored before sealing. */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}:`);
}

/** The key: `configured` (PALIER_SECRET_KEY) when given, else `secret.key` in `dataDir`, written once with mode 0600. */
export function loadSecretKey(props: { configured: Buffer | undefined; dataDir: string }): Buffer {
  if (props.configured) return props.configured;
  const file = join(props.dataDir, KEY_FILE);
  try {
    return keyFrom(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(props.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process wrote it first: read theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return keyFrom(readFileSync(file, "utf8"), file);
}

function keyFrom(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), "hex");
  if (key.length !== 32) throw new Error(`${file}: expected 64 hex digits`);
  return key;
}
