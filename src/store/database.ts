// Opens the store: embedded PGlite in a data directory (default) or PostgreSQL through a pool,
// with one drizzle schema and one SQL dialect for both, and applies the migrations.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { lockDataDir } from "./dataDirLock.js";
import { takeTurns } from "./pgliteTurns.js";
import * as schema from "./schema.js";

/** The query interface shared by both backends (and by transactions). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open store. */
export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** The embedded client, when PGlite (tests dump its data directory as a template). */
  readonly pglite?: PGlite;
  /** Applies pending migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

export interface DatabaseOptions {
  /** `postgres://…`: use that server. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite's directory (holds `pg/` and a lock file); omitted: in memory. */
  dataDir?: string;
  /** PGlite only: start from a dumped data directory (tests load a migrated template). */
  loadDataDir?: Blob | File;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** Opens PostgreSQL when `url` is given, else PGlite. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let release: (() => void) | undefined;
  let dataDir: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
    dataDir = join(options.dataDir, "pg");
  }
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
    });
    takeTurns(client);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      pglite: client,
      migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR }),
      close: async () => {
        await client.close();
        release?.();
      },
    };
  } catch (error) {
    release?.();
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client the server drops (restart, pg_terminate_backend) is emitted here; with no
  // listener Node would crash the process. The pool discards that client and opens a new one.
  pool.on("error", () => undefined);
  // Fail at start-up, with the server's own words, rather than on the first request.
  const probe = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${error.message}`);
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    migrate: async () => {
      const client = await pool.connect();
      try {
        // One migrator at a time across processes.
        await client.query("select pg_advisory_lock(7351001)");
        await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query("select pg_advisory_unlock(7351001)").catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** How many migrations the database has recorded (drizzle's journal table; 0 before the first). */
export async function appliedMigrations(database: Database): Promise<number> {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const [journal] = await rows<{ exists: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!journal?.exists) return 0;
  const [count] = await rows<{ n: number | string }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(count?.n ?? 0);
}
