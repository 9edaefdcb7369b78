// Password hashing with argon2id; passwords are slow to hash on purpose, tokens are not.

import argon2 from "argon2";

/** An argon2id hash of `password` (with its own salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Whether `password` matches `hash`; false for a malformed hash rather than an error. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
