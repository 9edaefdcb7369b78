// The PGlite data directory lock: in one process, across real processes, stale locks, and
// openDatabase holding it for as long as the database is open.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { selectRows } from "../../test/support/testDatabase.js";
import { DataDirLockedError, lockDataDir } from "./dataDirLock.js";
import { openDatabase } from "./database.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LOCK_MODULE = pathToFileURL(fileURLToPath(new URL("./dataDirLock.ts", import.meta.url))).href;

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "palier-lock-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lockFile = (dir: string) => join(dir, "palier.lock");

/** A pid that no process has any more: a child that already exited. */
function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ["-e", ""]);
  expect(status).toBe(0);
  return pid!;
}

/**
 * Another Node process running `lockDataDir(dir)` (through tsx). `hold`: keeps the lock until its
 * stdin closes, printing "locked"; otherwise prints the outcome as JSON and exits.
 */
function lockInChild(dir: string, mode: "hold" | "try"): ChildProcessWithoutNullStreams {
  const code = `
    import { lockDataDir } from ${JSON.stringify(LOCK_MODULE)};
    const dir = process.env.PALIER_TEST_LOCK_DIR;
    if (process.env.PALIER_TEST_LOCK_MODE === "hold") {
      lockDataDir(dir);
      console.log("locked");
      process.stdin.resume();
      process.stdin.on("end", () => process.exit(0));
    } else {
      try {
        lockDataDir(dir);
        console.log(JSON.stringify({ locked: true }));
      } catch (error) {
        console.log(JSON.stringify({ locked: false, name: error.name, message: error.message }));
      }
    }`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: ROOT,
    env: { ...process.env, PALIER_TEST_LOCK_DIR: dir, PALIER_TEST_LOCK_MODE: mode },
  });
  children.push(child);
  return child;
}

/** The child's whole stdout once it exits. */
function outputOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves once the child printed `line`; rejects if it exits first. */
function waitForLine(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.split("\n").includes(line)) resolve();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before printing ${line}: ${stdout}${stderr}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

describe("lockDataDir in one process", () => {
  it("writes our pid and refuses a second lock on the same directory", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    let thrown: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataDirLockedError);
    expect(thrown).toMatchObject({ dataDir: dir, pid: process.pid });
    expect((thrown as Error).message).toContain(`(pid ${process.pid})`);
    release();
  });

  it("lets other directories be locked at the same time", () => {
    const releases = [lockDataDir(tempDir()), lockDataDir(tempDir())];
    for (const release of releases) release();
  });

  it("removes the lock file on release, once, and can lock again", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
    const again = lockDataDir(dir);
    release(); // a second call of the old release must not remove the new lock
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    again();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("takes over a lock whose process is gone", () => {
    const dir = tempDir();
    const dead = deadPid();
    writeFileSync(lockFile(dir), String(dead));
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    release();
  });

  it.each([
    ["garbage", "not a pid"],
    ["an empty file (a writer that died before writing its pid)", ""],
  ])("takes over a lock file holding %s", (_what, content) => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), content);
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    release();
  });
});

describe("lockDataDir across processes", () => {
  it("refuses the lock another live process holds, naming its pid, and takes it over once that process is killed", async () => {
    const dir = tempDir();
    const holder = lockInChild(dir, "hold");
    await waitForLine(holder, "locked");
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(holder.pid));

    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`is in use by another Palier process (pid ${holder.pid})`);

    holder.kill("SIGKILL"); // no exit handler runs: the lock file stays, with a dead pid
    await exited(holder);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(holder.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    release();
  });

  it("is released when the holding process exits normally", async () => {
    const dir = tempDir();
    const holder = lockInChild(dir, "hold");
    await waitForLine(holder, "locked");
    holder.stdin.end();
    await exited(holder);
    expect(holder.exitCode).toBe(0);
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("is refused to another process while we hold it, naming our pid", async () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    try {
      const { code, stdout, stderr } = await outputOf(lockInChild(dir, "try"));
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const outcome = JSON.parse(stdout) as { locked: boolean; name?: string; message?: string };
      expect(outcome).toMatchObject({ locked: false, name: "DataDirLockedError" });
      expect(outcome.message).toContain(`(pid ${process.pid})`);
      expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    } finally {
      release();
    }
  });
});

describe("openDatabase on a PGlite data directory", () => {
  it("refuses a second open while the first is open, and persists across reopening", { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      await first.migrate();
      await first.db.execute(sql`insert into tags (name, created_at) values ('persisted', now())`);

      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid)); // the failed open left it alone
      const [row] = await selectRows<{ n: number }>(first, sql`select count(*)::int as n from tags`);
      expect(row!.n).toBe(1);
    } finally {
      await first.close();
    }
    expect(existsSync(lockFile(dir))).toBe(false);

    const reopened = await openDatabase({ dataDir: dir });
    try {
      await reopened.migrate();
      const rows = await selectRows<{ name: string }>(reopened, sql`select name from tags`);
      expect(rows).toEqual([{ name: "persisted" }]);
    } finally {
      await reopened.close();
    }
  });
});
