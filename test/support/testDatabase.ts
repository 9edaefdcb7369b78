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
 * after the other in a worker). Emptied means as migrated: every table truncated and given back
 * the rows the migrations wrote, every sequence at its migrated value, and the session's
 * settings, listens, advisory locks and prepared statements reset. A database whose schema a file
 * changed (its catalogue no longer counts what the dump's did), or that cannot be reset, is
 * closed instead.
 */
const idlePglite: Database[] = [];

/** The dump's state, read from the worker's first database: what a reset gives back. */
interface Migrated {
  catalogue: string;
  /** Every table but the migrations' journal, as one TRUNCATE list. */
  tables: string;
  /** The rows the migrations wrote (the journal aside), per table, as JSON. */
  rows: { table: string; json: string }[];
  /** Each sequence's value: null when never used. */
  sequences: { name: string; value: string | null }[];
}
let migrated: Migrated | undefined;

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

/** The user tables of a database, schema-qualified and quoted, in name order (the migrations' journal included). */
export async function userTables(database: Database): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    database,
    sql.raw(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1`),
  );
  return rows.map((row) => row.name);
}

/** Each user sequence, schema-qualified and quoted, with its value (null when never used), in name order. */
export async function userSequences(database: Database): Promise<{ name: string; value: string | null }[]> {
  return selectRows<{ name: string; value: string | null }>(
    database,
    sql.raw(
      `select format('%I.%I', schemaname, sequencename) as name, last_value::text as value from pg_sequences
        where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    ),
  );
}

const JOURNAL = "drizzle.__drizzle_migrations";

async function readMigrated(database: Database): Promise<Migrated> {
  const catalogue = await catalogueOf(database);
  const tables = (await userTables(database)).filter((name) => name !== JOURNAL);
  const rows: Migrated["rows"] = [];
  for (const name of tables) {
    const [read] = await selectRows<{ json: string | null }>(database, sql.raw(`select json_agg(t)::text as json from ${name} t`));
    if (read?.json) rows.push({ table: name, json: read.json });
  }
  return { catalogue, tables: tables.join(", "), rows, sequences: await userSequences(database) };
}

async function takePglite(): Promise<Database> {
  const reused = idlePglite.pop();
  if (reused) return reused;
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(inject("palierPgliteDump"))]) });
  migrated ??= await readMigrated(database);
  return database;
}

async function givePgliteBack(database: Database): Promise<void> {
  const pglite = database.pglite;
  try {
    if (!migrated || !pglite || idlePglite.length >= 2 || pglite.closed) return await database.close();
    if ((await catalogueOf(database)) !== migrated.catalogue) return await database.close();
    await pglite.exec(`unlisten *; select pg_advisory_unlock_all(); deallocate all; reset all; truncate ${migrated.tables} cascade;`);
    for (const { table, json } of migrated.rows) await pglite.query(`insert into ${table} select * from json_populate_recordset(null::${table}, $1)`, [json]);
    for (const { name, value } of migrated.sequences) {
      await (value === null ? pglite.query(`alter sequence ${name} restart`) : pglite.query(`select setval($1, $2::int8, true)`, [name, value]));
    }
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
