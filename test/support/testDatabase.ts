// Opens a migrated store for a test file on each backend, from the templates the global setup
// made (test/support/globalSetup.ts). A store suite reads:
//
//   describeStore("tickets", (db) => {
//     it("creates one", async () => { await createTicket(db().db, …); });
//   });
//
// and runs once on PGlite and, when TEST_DATABASE_URL is set, once on PostgreSQL, with one
// fresh database per file and backend.

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { PREFIX, databaseUrl, quoteIdent, withAdmin } from "./globalSetup.js";

export type Backend = "pglite" | "postgres";

/** The backends the store suites run on: PGlite always, PostgreSQL when the setup made a template. */
export function backends(): Backend[] {
  return inject("palierPostgres") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  readonly database: Database;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

/** A migrated database of its own: PGlite loaded from the dump, or a clone of the PostgreSQL template. */
export async function openTestDatabase(kind: Backend): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(inject("palierPgliteDump"))]) });
    return { database, drop: () => database.close() };
  }
  const created = await createPostgresDatabase();
  try {
    const database = await openDatabase({ url: created.url, poolSize: 5 });
    return {
      database,
      drop: async () => {
        await database.close();
        await created.drop();
      },
    };
  } catch (error) {
    await created.drop();
    throw error;
  }
}

/**
 * Whether this run has PostgreSQL (TEST_DATABASE_URL). Suites that need it (several processes
 * on one server) skip without it; CI always gives it, and the global setup fails the run there
 * when it is missing or unreachable, so they never skip in CI.
 */
export function postgresGiven(): boolean {
  return Boolean(inject("palierPostgres"));
}

/**
 * Creates a PostgreSQL database of this run: a clone of the migrated template, or of
 * `template0` for a fresh, unmigrated one. `drop()` drops it, disconnecting whoever remains.
 */
export async function createPostgresDatabase(template?: "template0"): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const postgres = inject("palierPostgres");
  if (!postgres) throw new Error("PostgreSQL is not configured: set TEST_DATABASE_URL");
  const name = `${PREFIX}${postgres.run}_${randomBytes(4).toString("hex")}`;
  const source = template ?? postgres.template;
  await withAdmin(postgres.adminUrl, (client) => client.query(`create database ${quoteIdent(name)} template ${quoteIdent(source)}`));
  let dropped = false;
  return {
    name,
    url: databaseUrl(postgres.adminUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(postgres.adminUrl, (client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}

/**
 * `describe` once per backend, with a migrated database opened before the tests and dropped
 * after them. `get()` returns it (inside tests and hooks); `kind` says which backend runs.
 * `once`: on one backend only, PostgreSQL when the run has it, for suites whose set-up is costly
 * and whose PGlite path other suites already cover.
 */
export function describeStore(name: string, fn: (get: () => Database, kind: Backend) => void, options: { once?: boolean } = {}): void {
  const kinds = backends();
  describe.each(options.once ? kinds.slice(-1) : kinds)(`${name} (%s)`, (kind) => {
    let opened: TestDatabase | undefined;
    beforeAll(async () => {
      opened = await openTestDatabase(kind);
    }, 60_000);
    afterAll(async () => {
      await opened?.drop();
      opened = undefined;
    }, 60_000);
    fn(() => {
      if (!opened) throw new Error(`the ${kind} test database is not open: use it inside tests or hooks`);
      return opened.database;
    }, kind);
  });
}

/** The rows of a raw query, on either backend (cast integers with `::int`: pg reads bigint as a string). */
export async function selectRows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
