// Scale-out: two `palier serve` processes on one PostgreSQL database. An escalation step fires in
// process A (its manual clock moved past due) and its in-app notification reaches the live stream
// held by process B, whose own clock never moved. Needs `npm run build` (npm test builds first)
// and TEST_DATABASE_URL (it runs where it is given, always in CI).

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPostgresDatabase, postgresGiven } from "./support/testDatabase.js";

const BIN = fileURLToPath(new URL("../bin/palier.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COMPILED = new URL("../dist/cli/main.js", import.meta.url);
const TOKEN = "plr_scale-out-test-admin-token-0123456789";
const START = "2026-11-23T09:00:00+01:00";

interface Server {
  name: string;
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
}

const dir = mkdtempSync(join(tmpdir(), "palier-scale-"));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Starts `palier serve` on `databaseUrl` with a manual clock, and waits for its "ready" line. */
async function startServe(name: string, databaseUrl: string): Promise<Server> {
  if (!existsSync(COMPILED)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test builds before running vitest)");
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      DATABASE_URL: databaseUrl,
      PALIER_DATA_DIR: join(dir, name),
      HOST: "127.0.0.1",
      PORT: "0",
      SMTP_IN_PORT: "0",
      PALIER_ADMIN_TOKEN: TOKEN,
      PALIER_DEMO: "0",
      PALIER_CLOCK: "manual",
      PALIER_CLOCK_START: START,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no "ready" line within 60 s:\n${output}`)), 60_000);
    child.stdout.on("data", () => {
      const match = /Palier is ready at (http:\/\/\S+) /.exec(output);
      if (match && output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: palier serve exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { name, url, child, output: () => output };
}

/** A JSON request as the admin (Bearer token); fails the test on an unexpected status. */
async function call<T>(server: Server, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${server.name}: ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Opens the notification stream as the admin and collects what it receives. */
async function openStream(server: Server): Promise<{ text(): string; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/v1/notifications/stream`, {
    headers: { authorization: `Bearer ${TOKEN}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  let text = "";
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += value;
    }
  })().catch(() => undefined);
  cleanups.push(async () => abort.abort());
  return { text: () => text, close: () => abort.abort() };
}

/** The `notification` events of a stream's text, parsed. */
function notificationsIn(text: string): { id: number; ticketNumber: number | null; title: string }[] {
  return text
    .split("\n\n")
    .filter((block) => block.split("\n").includes("event: notification"))
    .map(
      (block) =>
        JSON.parse(
          block
            .split("\n")
            .find((line) => line.startsWith("data: "))!
            .slice(6),
        ) as { id: number; ticketNumber: number | null; title: string },
    );
}

describe.skipIf(!postgresGiven())("two palier serve processes on one PostgreSQL", () => {
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    cleanups.push(() => created.drop());
    // One after the other: the first creates the admin and its token, the second finds them.
    a = await startServe("A", created.url);
    b = await startServe("B", created.url);
  }, 150_000);

  it("delivers a notification made in process A to the live stream held by process B", async () => {
    const me = await call<{ principal: { id: string } }>(a, "GET", "/api/v1/auth/me");
    const customer = await call<{ id: string }>(a, "POST", "/api/v1/customers", { name: "Cliente Répartie" });
    await call(a, "POST", "/api/v1/sla-policies", {
      name: "Deux processus",
      isDefault: true,
      targets: { normal: { first_response: 15, resolution: 480 } },
      matrix: { steps: [{ id: "n1", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "assignee" }] }] },
    });
    const { ticket } = await call<{ ticket: { number: number } }>(a, "POST", "/api/v1/tickets", {
      subject: "Facture en double",
      channel: "web",
      customerId: customer.id,
      priority: "normal",
      assigneeId: me.principal.id,
      message: { text: "J'ai été facturée deux fois." },
    });

    const onB = await openStream(b);
    await vi.waitFor(() => expect(onB.text()).toContain(": connected"), { timeout: 15_000 });
    expect(notificationsIn(onB.text())).toEqual([]);

    // Only A's clock passes the first response's due time: only A's engine can fire the step.
    await call(a, "POST", "/api/v1/test/clock", { advance: "PT20M" });
    await vi.waitFor(() => expect(notificationsIn(onB.text()).map((n) => n.ticketNumber)).toEqual([ticket.number]), { timeout: 30_000, interval: 100 });

    const clockOfB = await call<{ now: string }>(b, "GET", "/api/v1/test/clock");
    expect(new Date(clockOfB.now).getTime()).toBe(new Date(START).getTime());
    const [pushed] = notificationsIn(onB.text());
    const listed = await call<{ items: { id: number }[] }>(b, "GET", "/api/v1/notifications");
    expect(listed.items.map((n) => n.id)).toEqual([pushed!.id]);
    onB.close();
  }, 90_000);
});
