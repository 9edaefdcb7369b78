// Starts the real `palier serve` as a child process for the end-to-end tests: its own data
// directory (a copy of the run's first start with the same settings), a free port, a known admin
// password and the demo data; stops it afterwards.

import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import type {} from "../../support/globalSetup.js"; // declares what the global setup provides

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface RunningServer {
  baseUrl: string;
  email: string;
  password: string;
  stop(): Promise<void>;
  /** What the process printed so far. */
  output(): string;
}

/** A port free on 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `PALIER_E2E_URL` (with `PALIER_E2E_EMAIL`, `PALIER_E2E_PASSWORD`) points the tests at a server
 * that is already running; otherwise the built `bin/palier.js serve` is started here, with `env`
 * added to its environment (e.g. `PALIER_CLOCK=manual`).
 *
 * Writing the demo is the slow part of a first start, so each set of settings gets its first
 * start once per test run (a template data directory, built by whichever file asks first while
 * the others wait); every server then starts on its own copy, as a restart on that directory.
 */
/**
 * How long a server may take to be ready, the run's shared first start included: writing the
 * demo takes tens of seconds on a quiet two-core machine and a few minutes on a loaded one.
 */
export const SERVER_START_MS = 300_000;
/** The `beforeAll` budget of a suite that starts a server and a browser. */
export const SUITE_START_MS = SERVER_START_MS + 60_000;

/**
 * `runtime` is added to the environment of this start only, not of the shared first start: what
 * does not change the stored data (SMTP_URL, SMTP_IN_PORT), so that suites still share it.
 */
export async function startServer(env: Record<string, string> = {}, timeoutMs = SERVER_START_MS, runtime: Record<string, string> = {}): Promise<RunningServer> {
  const external = process.env.PALIER_E2E_URL;
  if (external) {
    return {
      baseUrl: external.replace(/\/$/, ""),
      email: process.env.PALIER_E2E_EMAIL ?? "admin@palier.local",
      password: process.env.PALIER_E2E_PASSWORD ?? "",
      stop: async () => undefined,
      output: () => "",
    };
  }
  for (const built of ["dist/cli/main.js", "dist/web/index.html"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests`);
  }
  const settings: Record<string, string> = {
    HOST: "127.0.0.1",
    PALIER_ADMIN_EMAIL: EMAIL,
    PALIER_ADMIN_PASSWORD: PASSWORD,
    PALIER_DEMO: "1",
    DATABASE_URL: "",
    NODE_ENV: "test",
    ...env,
  };
  const dataDir = mkdtempSync(join(tmpdir(), "palier-e2e-"));
  const template = await seededTemplate(settings, timeoutMs);
  if (template !== null) cpSync(template, dataDir, { recursive: true });
  return launch(dataDir, { ...settings, ...runtime }, timeoutMs, { removeOnStop: true });
}

const EMAIL = "admin@palier.local";
const PASSWORD = "e2e-admin-password-42";

/** Where this run keeps its templates (given by the global setup); null outside it. */
function templatesRoot(): string | null {
  try {
    return inject("palierServerTemplates") ?? null;
  } catch {
    return null;
  }
}

/**
 * The data directory of a first start with `settings`, made once per run: the first caller
 * starts and stops a server on it; the others wait for it. Null when there is no run to share.
 */
async function seededTemplate(settings: Record<string, string>, timeoutMs: number): Promise<string | null> {
  const root = templatesRoot();
  if (root === null) return null;
  const key = createHash("sha256")
    .update(JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b))))
    .digest("hex")
    .slice(0, 16);
  const dir = join(root, key);
  const data = join(dir, "data");
  mkdirSync(root, { recursive: true });
  if (!claim(dir)) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (existsSync(join(dir, "ready"))) return data;
      if (existsSync(join(dir, "failed"))) throw new Error(`the shared first start failed:\n${readFileSync(join(dir, "failed"), "utf8")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the shared first start was not ready within ${timeoutMs / 1000} s`);
  }
  try {
    const server = await launch(data, settings, timeoutMs, { removeOnStop: false });
    await server.stop();
    // The first start is the README's `npm start`: it says what it wrote and who may sign in.
    const said = server.output();
    if (settings.PALIER_DEMO === "1" && !(/Seeded the demo workspace: 204 tickets/.test(said) && said.includes('Demo logins (password "demo-palier")')))
      throw new Error(`the first start did not say it seeded the demo and who may sign in:\n${said}`);
    writeFileSync(join(dir, "ready"), "");
    return data;
  } catch (error) {
    writeFileSync(join(dir, "failed"), String((error as Error).stack ?? error));
    throw error;
  }
}

/** Creates `dir` (atomic: whoever creates it builds the template); false when it was there. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Starts `palier serve` on `dataDir` and waits until it answers its health check. */
async function launch(
  dataDir: string,
  settings: Record<string, string>,
  timeoutMs: number,
  { removeOnStop }: { removeOnStop: boolean },
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["bin/palier.js", "serve"], {
    cwd: ROOT,
    env: { ...process.env, SMTP_IN_PORT: "0", ...settings, PALIER_DATA_DIR: dataDir, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (removeOnStop) rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(`palier serve exited with ${exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, email: EMAIL, password: PASSWORD, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`palier serve was not ready within ${timeoutMs / 1000} s:\n${output}`);
}
