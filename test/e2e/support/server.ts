// Starts the real `palier serve` as a child process for the end-to-end tests: its own data
// directory, a free port, a known admin password and the demo data; stops it afterwards.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface RunningServer {
  baseUrl: string;
  email: string;
  password: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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
 */
export async function startServer(timeoutMs = 150_000, env: Record<string, string> = {}): Promise<RunningServer> {
  const external = process.env.PALIER_E2E_URL;
  if (external) {
    return {
      baseUrl: external.replace(/\/$/, ""),
      email: process.env.PALIER_E2E_EMAIL ?? "admin@palier.local",
      password: process.env.PALIER_E2E_PASSWORD ?? "",
      stop: async () => undefined,
    };
  }
  for (const built of ["dist/cli/main.js", "dist/web/index.html"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "palier-e2e-"));
  const port = await freePort();
  const password = "e2e-admin-password-42";
  const email = "admin@palier.local";
  const child: ChildProcess = spawn(process.execPath, ["bin/palier.js", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PALIER_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PALIER_ADMIN_EMAIL: email,
      PALIER_ADMIN_PASSWORD: password,
      PALIER_DEMO: "1",
      DATABASE_URL: "",
      NODE_ENV: "test",
      ...env,
    },
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
    rmSync(dataDir, { recursive: true, force: true });
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
      if (response.ok) return { baseUrl, email, password, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`palier serve was not ready within ${timeoutMs / 1000} s:\n${output}`);
}
