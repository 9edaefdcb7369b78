// `npm run check:migrations`: fails when src/store/schema.ts and migrations/ disagree. drizzle-kit
// generates into a temporary copy of migrations/: any new file there is a change nobody migrated.
// `--migrations <dir>` checks another folder against the schema (the script's own test does).

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCHEMA = "./src/store/schema.ts";
const DRIZZLE_KIT = join(ROOT, "node_modules", ".bin", "drizzle-kit");

/** Runs drizzle-kit in the repository; its output is shown only when something is wrong. */
function drizzleKit(args: string[]): { ok: boolean; output: string } {
  const run = spawnSync(DRIZZLE_KIT, args, { cwd: ROOT, encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}` };
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Journal entries whose stamps do not rise with their order. The migrator applies a migration only
 * when its stamp is later than the last one applied, so one stamped earlier than its predecessor
 * (two branches each generating a migration, merged) would be skipped on every existing database.
 */
export function outOfOrder(journal: { entries: { tag: string; when: number }[] }): string[] {
  return journal.entries.flatMap((entry, index) => {
    const previous = journal.entries[index - 1];
    return previous !== undefined && entry.when <= previous.when ? [`${entry.tag} is stamped before ${previous.tag}`] : [];
  });
}

function main(argv: string[]): number {
  const at = argv.indexOf("--migrations");
  const migrations = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]!) : join(ROOT, "migrations");
  const shown = relative(ROOT, migrations) || ".";
  const disordered = outOfOrder(JSON.parse(readFileSync(join(migrations, "meta", "_journal.json"), "utf8")));
  if (disordered.length > 0) {
    process.stderr.write(
      `check:migrations: ${shown}/meta/_journal.json is out of order (${disordered.join("; ")}): existing databases would skip the later one. Delete it and generate it again.\n`,
    );
    return 1;
  }
  // The migrations' own snapshots must agree with each other before a comparison means anything.
  const check = drizzleKit(["check", "--dialect", "postgresql", "--out", relative(ROOT, migrations)]);
  if (!check.ok) {
    process.stderr.write(`check:migrations: drizzle-kit check failed on ${shown}:\n${check.output}\n`);
    return 1;
  }

  const scratch = mkdtempSync(join(tmpdir(), "palier-migrations-"));
  try {
    const copy = join(scratch, "migrations");
    cpSync(migrations, copy, { recursive: true });
    // drizzle-kit reads --out relative to the working directory.
    const generate = drizzleKit(["generate", "--dialect", "postgresql", "--schema", SCHEMA, "--out", relative(ROOT, copy), "--name", "unmigrated"]);
    if (!generate.ok) {
      process.stderr.write(`check:migrations: drizzle-kit generate failed:\n${generate.output}\n`);
      return 1;
    }
    const before = new Set(filesUnder(migrations));
    const added = filesUnder(copy).filter((file) => !before.has(file));
    const changed = [...before].filter((file) => readFileSync(join(migrations, file), "utf8") !== readFileSync(join(copy, file), "utf8"));
    if (added.length === 0 && changed.length === 0) {
      process.stdout.write(`check:migrations: src/store/schema.ts and ${shown} agree.\n`);
      return 0;
    }
    const sql = added.filter((file) => file.endsWith(".sql")).map((file) => `--- ${file}\n${readFileSync(join(copy, file), "utf8")}`);
    process.stderr.write(
      `check:migrations: src/store/schema.ts has changes that ${shown} lacks (new: ${added.join(", ") || "none"}; changed: ${changed.join(", ") || "none"}).\n` +
        `Run \`npx drizzle-kit generate --name <what changed>\` and commit the migration. The missing SQL:\n\n${sql.join("\n")}\n`,
    );
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
