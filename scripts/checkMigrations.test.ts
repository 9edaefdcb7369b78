// The schema drift check on copies of migrations/: whole, it passes; without the latest
// migration (the schema now ahead of them), it fails and shows the SQL that is missing.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./checkMigrations.ts", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "palier-drift-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(migrations: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, "--migrations", migrations], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

it("passes when the migrations hold every change of the schema", () => {
  const whole = join(scratch, "whole");
  cpSync(join(ROOT, "migrations"), whole, { recursive: true });
  const run = check(whole);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("agree");
}, 60_000);

it("fails, showing the missing SQL, when the schema has a change the migrations lack", () => {
  const behind = join(scratch, "behind");
  cpSync(join(ROOT, "migrations"), behind, { recursive: true });
  const journalPath = join(behind, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  const latest = journal.entries.pop()!;
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  rmSync(join(behind, `${latest.tag}.sql`));
  rmSync(join(behind, "meta", `${String(latest.idx).padStart(4, "0")}_snapshot.json`));

  const run = check(behind);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("has changes that");
  // What the removed migration did comes back as the SQL to add.
  const removed = readFileSync(join(ROOT, "migrations", `${latest.tag}.sql`), "utf8");
  const firstTable = /CREATE TABLE "(\w+)"/.exec(removed)?.[1];
  if (firstTable) expect(run.stderr).toContain(`CREATE TABLE "${firstTable}"`);
  else expect(run.stderr).toMatch(/ALTER TABLE|CREATE/);
}, 60_000);

it("fails when a migration is stamped before the one it follows, which the migrator would skip", () => {
  const swapped = join(scratch, "swapped");
  cpSync(join(ROOT, "migrations"), swapped, { recursive: true });
  const file = join(swapped, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(file, "utf8")) as { entries: { tag: string; when: number }[] };
  const [previous, last] = journal.entries.slice(-2);
  last!.when = previous!.when - 1;
  writeFileSync(file, JSON.stringify(journal, null, 2));
  const run = check(swapped);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`${last!.tag} is stamped before ${previous!.tag}`);
});
