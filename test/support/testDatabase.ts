// Opens a migrated store for a test file on each backend, from the templates the global setup
// made (test/support/globalSetup.ts). A store suite reads:
//
//   describeStore("tickets", (db) => {
//     it("creates one", async () => { await createTicket(db().db, …); });
//   });
//
// and runs once on PGlite and, when TEST_DATABASE_URL is set, once on PostgreSQL, with one
// fresh database per file and backend: on PostgreSQL a clone of the migrated template, on PGlite
// a migrated database as it was when the dump was made (see `pglitePool`).

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type SQL, sql } from "drizzle-orm";
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
    const database = await takePglite();
    return { database, drop: () => givePgliteBack(database) };
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
 * Loading PGlite from the dump costs about two seconds of CPU (the instance's start and the
 * copy of 40 MB into its memory), and the run opens one per file: a file's database, once the
 * file has dropped it, is emptied and kept for the next file of the same worker (files run one
 * after the other in a worker). Emptied means as migrated: every table truncated with its
 * sequences restarted (the migrations write no rows but their own journal), and the session's
 * settings, listens, advisory locks and prepared statements reset. A database whose schema a file
 * changed (its catalogue no longer counts what the dump's did), or that cannot be reset, is
 * closed instead.
 */
const idlePglite: Database[] = [];
let migrated: { tables: string; catalogue: string } | undefined;

/** How many objects of each kind the catalogue holds: any DDL changes one of them. */
const CATALOGUE = sql.raw(
  `select concat_ws(',', (select count(*) from pg_class), (select max(oid::int8) from pg_class), (select count(*) from pg_attribute),
    (select count(*) from pg_proc), (select count(*) from pg_trigger), (select count(*) from pg_constraint), (select count(*) from pg_type),
    (select count(*) from pg_namespace)) as catalogue`,
);

async function catalogueOf(database: Database): Promise<string> {
  const [row] = await selectRows<{ catalogue: string }>(database, CATALOGUE);
  return row?.catalogue ?? "";
}

async function takePglite(): Promise<Database> {
  const reused = idlePglite.pop();
  if (reused) return reused;
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(inject("palierPgliteDump"))]) });
  if (!migrated) {
    const catalogue = await catalogueOf(database);
    const tables = await selectRows<{ name: string }>(
      database,
      sql.raw(
        `select format('%I.%I', schemaname, tablename) as name from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema') and (schemaname, tablename) <> ('drizzle', '__drizzle_migrations')`,
      ),
    );
    migrated = { catalogue, tables: tables.map((t) => t.name).join(", ") };
  }
  return database;
}

async function givePgliteBack(database: Database): Promise<void> {
  try {
    if (!migrated || idlePglite.length >= 2 || database.pglite?.closed !== false) return await database.close();
    if ((await catalogueOf(database)) !== migrated.catalogue) return await database.close();
    await database.pglite.exec(
      `unlisten *; select pg_advisory_unlock_all(); deallocate all; reset all; truncate ${migrated.tables} restart identity cascade;
       do $$ declare s record; begin
         for s in select format('%I.%I', schemaname, sequencename) as name from pg_sequences where schemaname not in ('pg_catalog', 'information_schema') loop
           execute 'alter sequence ' || s.name || ' restart';
         end loop;
       end $$;`,
    );
    idlePglite.push(database);
  } catch {
    await database.close().catch(() => undefined);
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
