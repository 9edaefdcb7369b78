// What the commands that use the database share: reading the configuration and opening the
// store, with failures turned into one line a person can act on and an exit status.

import { type Config, ConfigError, loadConfig } from "../config.js";
import { type Database, openDatabase, redact } from "../store/database.js";
import { DataDirLockedError } from "../store/dataDirLock.js";

/** A command's output and environment (the process's, or a test's). */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

/** The process's standard output, standard error and environment. */
export function processIo(): CommandIo {
  return { env: process.env, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
}

/** A failure already explained: its message is printed as is, and the command exits with `status`. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** The configuration; a CommandError with status 2 listing every problem when it is invalid. */
export function configFrom(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CommandError(error.message, 2);
    throw error;
  }
}

/** Where the data lives, for messages: "PGlite in /srv/palier/data" or "PostgreSQL at postgres://…". */
export function describeStore(config: Config): string {
  return config.databaseUrl ? `PostgreSQL at ${redact(config.databaseUrl)}` : `PGlite in ${config.dataDir}`;
}

/** Opens the configured database; CommandError (status 1) when it is locked or unreachable. */
export async function openStore(config: Config): Promise<Database> {
  try {
    return await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CommandError(error.message, 1);
    throw new CommandError(`cannot open the database (${describeStore(config)}): ${(error as Error).message}`, 1);
  }
}

/** Runs a command body, printing a CommandError as `palier <name>: <message>` and returning its status. */
export async function runCommand(name: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CommandError) {
      io.err(`palier ${name}: ${error.message}\n`);
      return error.status;
    }
    throw error;
  }
}
