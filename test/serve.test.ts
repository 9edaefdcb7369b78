// `palier serve` as a real process on a temporary data directory: first start (the admin), the
// API and the web app, a second process refused, SIGTERM and SIGINT shutting down cleanly, and a
// restart on the existing directory (its start-up time printed, not asserted). The first start
// with the demo (PALIER_DEMO, as `npm start` does) is the browser suites' shared first start,
// which checks what it prints (test/e2e/support/server.ts); this one skips the demo.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/palier.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COMPILED = new URL("../dist/cli/main.js", import.meta.url);
const TOKEN = "plr_serve-test-admin-token-0123456789";

const dir = mkdtempSync(join(tmpdir(), "palier-serve-"));
const dataDir = join(dir, "data");
const running = new Set<ChildProcessWithoutNullStreams>();

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Server {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Milliseconds from spawn to the "ready" line. */
  startup: number;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit status once the process has exited. */
  exited: Promise<number | null>;
}

/** Spawns `palier serve` on the temporary data directory with `env` over a clean environment. */
function spawnServe(env: Record<string, string> = {}): {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
} {
  if (!existsSync(COMPILED)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test builds before running vitest)");
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      PALIER_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: "0",
      SMTP_IN_PORT: "0",
      PALIER_ADMIN_TOKEN: TOKEN,
      PALIER_DEMO: "0",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const READY_WITHIN_MS = 300_000;

/** Spawns `palier serve` and waits for the URL it prints. */
async function startServe(env: Record<string, string> = {}): Promise<Server> {
  const started = performance.now();
  const spawned = spawnServe(env);
  const url = await new Promise<string>((resolve, reject) => {
    // A first start seeds the demo through the product's operations: a few tens of seconds on a
    // loaded two-core machine.
    const timer = setTimeout(
      () => reject(new Error(`no "ready" line within ${READY_WITHIN_MS / 1000} s:\n${JSON.stringify(spawned.output())}`)),
      READY_WITHIN_MS,
    );
    const check = () => {
      const { stdout } = spawned.output();
      const match = /Palier is ready at (http:\/\/\S+) /.exec(stdout);
      if (match && stdout.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    spawned.child.stdout.on("data", check);
    spawned.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`palier serve exited with ${code} before it was ready:\n${JSON.stringify(spawned.output())}`));
    });
  });
  return { ...spawned, url, startup: performance.now() - started };
}

const api = (server: Server, path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe("palier serve as a process", () => {
  let first: Server;
  let customerId = "";

  it(
    "starts on a new data directory: admin, API and web app",
    async () => {
      first = await startServe();
      const { stdout, stderr } = first.output();
      console.log(`palier serve, first start on a new data directory: ready after ${Math.round(first.startup)} ms (${/started in [^)]*/.exec(stdout)?.[0]})`);
      expect(stderr).toBe("");
      expect(stdout).toContain("Created the admin account admin@palier.local. Its password, shown only this once:");
      expect(stdout).not.toContain("Seeded the demo workspace");

      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const tickets = await api(first, "/api/v1/tickets?limit=5");
      expect(tickets.status).toBe(200);
      expect(await tickets.json()).toMatchObject({ total: 0 });
      const created = await fetch(`${first.url}/api/v1/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Marie Dupont", email: "marie.dupont@example.org" }),
      });
      expect(created.status).toBe(201);
      customerId = ((await created.json()) as { id: string }).id;
      const page = await fetch(`${first.url}/tickets/1042`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    },
    READY_WITHIN_MS + 30_000,
  );

  it("refuses a second process on the same data directory with status 1 and a message naming it", async () => {
    const second = spawnServe();
    const code = await second.exited;
    const { stdout, stderr } = second.output();
    expect(code).toBe(1);
    expect(stderr).toContain(`palier serve: the data directory ${dataDir} is in use by another Palier process (pid ${first.child.pid})`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe("");
    expect(existsSync(join(dataDir, "palier.lock"))).toBe(true); // still the first one's
  }, 60_000);

  it("stops on SIGTERM with status 0 and releases the data directory", async () => {
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output().stdout).toMatch(/Stopping \(SIGTERM\)…\nStopped\.\n$/);
    expect(existsSync(join(dataDir, "palier.lock"))).toBe(false);
  }, 30_000);

  it("restarts quickly on the existing directory, keeping its data, and stops on SIGINT", async () => {
    const times: number[] = [];
    for (let round = 0; round < 2; round++) {
      const again = await startServe();
      times.push(Math.round(again.startup));
      const { stdout } = again.output();
      expect(stdout).not.toContain("Created the admin account");
      expect(await (await api(again, `/api/v1/customers/${customerId}`)).json()).toMatchObject({ name: "Marie Dupont" });
      again.child.kill(round === 0 ? "SIGINT" : "SIGTERM");
      expect(await again.exited).toBe(0);
      expect(existsSync(join(dataDir, "palier.lock"))).toBe(false);
    }
    console.log(`palier serve, restart on the existing data directory: ready after ${times.join(" ms, ")} ms`);
  }, 90_000);

  it("exits 2 with every problem on an invalid configuration", async () => {
    const bad = spawnServe({ PORT: "eighty", PALIER_ADMIN_TOKEN: "short" });
    expect(await bad.exited).toBe(2);
    const { stderr } = bad.output();
    expect(stderr).toContain("palier serve: invalid configuration:");
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("PALIER_ADMIN_TOKEN");
  }, 30_000);
});
