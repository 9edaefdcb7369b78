// The real `palier oncall` as a separate process: the contract of docs/oncall.md, stdin in,
// stdout/stderr/exit status out. It runs the compiled CLI in dist/, which `npm test` builds.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/palier.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COMPILED = new URL("../dist/cli/main.js", import.meta.url);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function palier(args: string[], stdin = ""): Promise<Run> {
  if (!existsSync(COMPILED)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test builds before running vitest)");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);
  });
}

describe("palier oncall as a process", () => {
  it("answers the documented example on stdout with exit status 0", async () => {
    const request = `{"schedule": {"timezone": "Europe/Brussels",
        "layers": [{"name": "nights",
                    "rotation": {"participants": ["ann", "bob"], "start": "2026-03-23T18:00:00+01:00", "length": {"weeks": 1}},
                    "restrictions": [{"days": ["mon","tue","wed","thu","fri"], "from": "18:00", "to": "08:00"}]}],
        "overrides": [{"start": "2026-03-31T20:00:00+02:00", "end": "2026-04-01T08:00:00+02:00", "who": "cem"}]},
      "queries": [{"at": "2026-03-31T03:00:00+02:00"},
                  {"at": "2026-03-31T12:00:00+02:00"},
                  {"from": "2026-03-30T12:00:00+02:00", "to": "2026-04-01T12:00:00+02:00"}]}`;
    expect(await palier(["oncall"], request)).toEqual({
      code: 0,
      stdout:
        JSON.stringify({
          results: [
            { on_call: ["bob"] },
            { on_call: [] },
            {
              shifts: [
                { start: "2026-03-30T12:00:00+02:00", end: "2026-03-30T18:00:00+02:00", who: [] },
                { start: "2026-03-30T18:00:00+02:00", end: "2026-03-31T08:00:00+02:00", who: ["bob"] },
                { start: "2026-03-31T08:00:00+02:00", end: "2026-03-31T18:00:00+02:00", who: [] },
                { start: "2026-03-31T18:00:00+02:00", end: "2026-03-31T20:00:00+02:00", who: ["bob"] },
                { start: "2026-03-31T20:00:00+02:00", end: "2026-04-01T08:00:00+02:00", who: ["cem"] },
                { start: "2026-04-01T08:00:00+02:00", end: "2026-04-01T12:00:00+02:00", who: [] },
              ],
            },
          ],
        }) + "\n",
      stderr: "",
    });
  });

  it("exits with status 2 for an invalid schedule, naming the field on stderr", async () => {
    const schedule = { timezone: "UTC", layers: [{ rotation: { participants: ["ann"], start: "2026-03-23T18:00:00", length: { weeks: 1 } } }] };
    expect(await palier(["oncall"], JSON.stringify({ schedule, queries: [{ at: "2026-03-24T00:00:00Z" }] }))).toEqual({
      code: 2,
      stdout: "",
      stderr: `palier oncall: invalid schedule:\n  schedule.layers[0].rotation.start: "2026-03-23T18:00:00" is not an ISO 8601 instant with an offset (for example 2026-11-20T08:00:00+01:00)\n`,
    });
  });

  it("exits with status 1 when a query cannot be answered, the others answered", async () => {
    const schedule = { timezone: "UTC", layers: [{ rotation: { participants: ["ann"], start: "2026-03-23T18:00:00Z", length: { hours: 8 } } }] };
    const run = await palier(
      ["oncall"],
      JSON.stringify({ schedule, queries: [{ at: "2026-03-24T00:00:00Z" }, { from: "2026-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z" }] }),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      results: [{ on_call: ["ann"] }, { error: "the span from 2026-01-01T00:00:00Z to 2028-01-01T00:00:00Z is longer than 366 days" }],
    });
  });

  it("exits with status 2 for a request that is not JSON", async () => {
    const run = await palier(["oncall"], "{not json");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^palier oncall: the request is not valid JSON: .+\n$/);
  });

  it("explains the contract in palier oncall --help", async () => {
    const run = await palier(["oncall", "--help"]);
    expect(run.code).toBe(0);
    for (const part of ["Usage: palier oncall", `"queries"`, `"on_call"`, `"shifts"`, "past midnight", "Exit status: 0", "2 the request is unreadable"]) {
      expect(run.stdout).toContain(part);
    }
  });
});
