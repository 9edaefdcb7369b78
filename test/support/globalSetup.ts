// Vitest's global setup: builds the migrated templates the store suites clone, once per run.
// - PGlite: a migrated in-memory database dumped to a temp file; each test file loads it.
// - PostgreSQL, when TEST_DATABASE_URL is set: a migrated template database; each test file
//   clones it (CREATE DATABASE … TEMPLATE …). CI must give it; given but unreachable fails.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, redact } from "../../src/store/database.js";

/** What the setup hands to the test files (read with `inject`). */
export interface PostgresTemplate {
  /** TEST_DATABASE_URL: the server, and the database we connect to in order to create others. */
  adminUrl: string;
  /** The migrated database each test file clones. */
  template: string;
  /** This run's databases are named `palier_test_<run>_…`. */
  run: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory (`dumpDataDir("none")`). */
    palierPgliteDump: string;
    /** Set when the store suites also run on PostgreSQL. */
    palierPostgres: PostgresTemplate | null;
    /** Where the end-to-end servers keep this run's seeded data directories, built once and copied. */
    palierServerTemplates: string;
  }
}

/** Every database the tests create starts with this; nothing else is ever dropped. */
export const PREFIX = "palier_test_";
/** Leftovers from earlier runs are dropped once this old (and nobody is connected to them). */
const LEFTOVER_AGE_MS = 2 * 60 * 60 * 1000;

/** `url` pointing at database `name` on the same server. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A quoted identifier; test database names are plain lower-case words anyway. */
export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

/** Runs `fn` with a client on TEST_DATABASE_URL's database; fails loudly when unreachable. */
export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined); // a dropped connection surfaces through the next query
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL at ${redact(adminUrl)} is unreachable: ${(error as Error).message}. ` +
        "Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or unset TEST_DATABASE_URL.",
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL || undefined;
  if (isCi() && !adminUrl) {
    throw new Error(
      "CI is set but TEST_DATABASE_URL is not: the store suites must run on PostgreSQL in CI. " +
        "Export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (as .ci/run does).",
    );
  }

  const teardowns: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const step of teardowns.reverse()) await step();
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), "palier-test-"));
    teardowns.push(async () => rmSync(dir, { recursive: true, force: true }));
    project.provide("palierPgliteDump", await dumpMigratedPglite(dir));
    project.provide("palierServerTemplates", join(dir, "servers"));

    let postgres: PostgresTemplate | null = null;
    if (adminUrl) {
      postgres = await createPostgresTemplate(adminUrl);
      const created = postgres;
      teardowns.push(() => dropRun(created));
    }
    project.provide("palierPostgres", postgres);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function dumpMigratedPglite(dir: string): Promise<string> {
  const database = await openDatabase();
  try {
    await database.migrate();
    if (!database.pglite) throw new Error("openDatabase() did not open PGlite");
    const dump = await database.pglite.dumpDataDir("none");
    const path = join(dir, "pglite-migrated.tar");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return path;
  } finally {
    await database.close();
  }
}

async function createPostgresTemplate(adminUrl: string): Promise<PostgresTemplate> {
  // The run's creation time leads its names, so leftovers can be told from a concurrent run's.
  const run = `${Date.now().toString(36).padStart(9, "0")}${randomBytes(2).toString("hex")}`;
  const template = `${PREFIX}${run}_template`;
  await withAdmin(adminUrl, async (client) => {
    await dropLeftovers(client);
    await client.query(`create database ${quoteIdent(template)} template template0`);
  });
  const database = await openDatabase({ url: databaseUrl(adminUrl, template), poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close(); // a template must have no connections to be cloned
  }
  return { adminUrl, template, run };
}

/** Drops `palier_test_…` databases left by earlier runs: old enough, and nobody connected. */
async function dropLeftovers(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database d
      where datname like 'palier\\_test\\_%'
        and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
  );
  for (const { datname } of rows) {
    const born = parseInt(/^palier_test_([0-9a-z]{9})[0-9a-f]{4}_/.exec(datname)?.[1] ?? "", 36);
    if (Number.isFinite(born) && Date.now() - born < LEFTOVER_AGE_MS) continue; // maybe a concurrent run's
    // No FORCE: if someone connected meanwhile, leave it.
    await client.query(`drop database if exists ${quoteIdent(datname)}`).catch(() => undefined);
  }
}

/** Drops this run's template and any database a failed test file left behind. */
async function dropRun({ adminUrl, run }: PostgresTemplate): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [`${PREFIX}${run}_`]);
    for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
  });
}
