// The real `palier` executable as a separate process: stdin in, stdout/stderr/exit status out.
// It runs the compiled CLI in dist/, which `npm test` builds before vitest starts.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

const MISSING_BUILD = "dist/cli/main.js is missing: run `npm run build` first (npm test builds before running vitest)";

/** Runs `node bin/palier.js ...args` with `stdin` as its standard input; fails when dist/ is not built. */
function palier(args: string[], stdin = ""): Promise<Run> {
  if (!existsSync(COMPILED)) throw new Error(MISSING_BUILD);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // a command that exits without reading stdin
    child.stdin.end(stdin);
  });
}

const SPLIT = [
  ["09:00", "12:30"],
  ["13:30", "18:00"],
];
const office = {
  timezone: "Europe/Paris",
  hours: { mon: SPLIT, tue: SPLIT, wed: SPLIT, thu: SPLIT, fri: SPLIT },
  holidays: ["2026-12-25", "01-01"],
};

describe("palier calendar as a process", () => {
  it("has the compiled CLI that bin/palier.js runs", () => {
    if (!existsSync(COMPILED)) throw new Error(MISSING_BUILD);
  });

  it("answers the README example on stdout with exit status 0", async () => {
    const request = `{"calendar": {"timezone": "Europe/Paris",
                    "hours": {"mon": [["09:00","12:30"],["13:30","18:00"]],
                              "fri": [["09:00","18:00"]]},
                    "holidays": ["2026-12-25", "01-01"]},
       "ops": [{"op": "add", "start": "2026-11-20T16:30:00+01:00", "seconds": 7200},
               {"op": "is_open", "at": "2026-11-23T12:45:00+01:00"}]}`;
    expect(await palier(["calendar"], request)).toEqual({
      code: 0,
      stdout: `{"results":[{"at":"2026-11-23T09:30:00+01:00"},{"open":false}]}\n`,
      stderr: "",
    });
  });

  it("answers every kind of op in order", async () => {
    const ops = [
      { op: "add", start: "2026-11-20T16:30:00+01:00", seconds: 7200 },
      { op: "subtract", start: "2026-11-23T09:30:00+01:00", seconds: 7200 },
      { op: "elapsed", start: "2026-11-20T16:30:00+01:00", end: "2026-11-23T09:30:00+01:00" },
      { op: "is_open", at: "2026-11-23T10:00:00+01:00" },
      { op: "next_open", at: "2026-11-21T10:00:00+01:00" },
      { op: "prev_close", at: "2026-11-21T10:00:00+01:00" },
    ];
    const run = await palier(["calendar"], JSON.stringify({ calendar: office, ops }));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      results: [
        { at: "2026-11-23T09:30:00+01:00" },
        { at: "2026-11-20T16:30:00+01:00" },
        { seconds: 7200 },
        { open: true },
        { at: "2026-11-23T09:00:00+01:00" },
        { at: "2026-11-20T18:00:00+01:00" },
      ],
    });
  });

  it("exits with status 1 when an op fails, still answering the others", async () => {
    const ops = [
      { op: "is_open", at: "2026-11-23T10:00:00" },
      { op: "is_open", at: "2026-11-23T10:00:00+01:00" },
    ];
    const run = await palier(["calendar"], JSON.stringify({ calendar: office, ops }));
    expect(run).toEqual({
      code: 1,
      stdout: `${JSON.stringify({ results: [{ error: `at: "2026-11-23T10:00:00" has no UTC offset (add Z or an offset such as +01:00)` }, { open: true }] })}\n`,
      stderr: "",
    });
  });

  it("exits with status 1 when add finds no open time in the calendar", async () => {
    const run = await palier(
      ["calendar"],
      JSON.stringify({ calendar: { timezone: "UTC", hours: {} }, ops: [{ op: "add", start: "2026-11-23T09:00:00Z", seconds: 60 }] }),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ results: [{ error: expect.stringMatching(/no open time/) }] });
  });

  it("exits with status 2 and a message on stderr for a request that is not JSON", async () => {
    const run = await palier(["calendar"], "{not json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^palier calendar: the request is not valid JSON: .+\n$/);
  });

  it("exits with status 2 for empty input", async () => {
    const run = await palier(["calendar"], "");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^palier calendar: the request is not valid JSON/);
  });

  it("exits with status 2 for an invalid calendar, naming each field and problem on stderr", async () => {
    const calendar = {
      timezone: "Europe/Pariss",
      hours: {
        mon: [
          ["09:00", "12:00"],
          ["25:00", "26:00"],
        ],
      },
    };
    const run = await palier(["calendar"], JSON.stringify({ calendar, ops: [] }));
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `palier calendar: invalid calendar:\n  calendar.timezone: "Europe/Pariss" is not an IANA time zone\n  calendar.hours.mon[1]: "25:00" is not a time (HH:MM from 00:00 to 24:00)\n`,
    });
  });

  it("exits with status 2 for a request missing its ops", async () => {
    expect(await palier(["calendar"], JSON.stringify({ calendar: office }))).toEqual({ code: 2, stdout: "", stderr: "palier calendar: ops: is required\n" });
  });

  it("reads a large request and writes a large answer whole", async () => {
    const ops = Array.from({ length: 5000 }, (_, i) => ({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: i * 60 }));
    const run = await palier(["calendar"], JSON.stringify({ calendar: office, ops }));
    expect(run.code).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: { at: string }[] };
    expect(results).toHaveLength(5000);
    expect(results[0]).toEqual({ at: "2026-11-23T09:00:00+01:00" });
    // 4999 min = 83 h 19 min: ten 8-hour days to Friday 4 December, then 3 h 19 min on Monday.
    expect(results[4999]).toEqual({ at: "2026-12-07T12:19:00+01:00" });
  });
});

describe("palier help and commands", () => {
  it("prints help with exit status 0 when run without arguments", async () => {
    const run = await palier([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: palier /);
    expect(run.stdout).toContain("calendar");
    expect(run.stderr).toBe("");
  });

  it("explains the calendar contract in palier calendar --help", async () => {
    const run = await palier(["calendar", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    for (const part of [
      "Usage: palier calendar",
      "standard input",
      "add",
      "subtract",
      "elapsed",
      "is_open",
      "next_open",
      "prev_close",
      "offset or Z",
      `{"results":`,
      "Exit status: 0",
      "1 some op has an error",
      "2 the request is unreadable",
    ]) {
      expect(run.stdout).toContain(part);
    }
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await palier(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("exits with a non-zero status for an unknown command, saying so on stderr", async () => {
    const run = await palier(["calender"]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown command 'calender'");
  });

  it("exits with a non-zero status for an unknown option of calendar", async () => {
    const run = await palier(["calendar", "--timezone", "UTC"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("unknown option '--timezone'");
  });
});

describe("palier mail inspect as a process", () => {
  const dir = mkdtempSync(join(tmpdir(), "palier-mail-"));
  const plain = join(dir, "plain.eml");
  writeFileSync(
    plain,
    [
      'From: "Sanne de Vries" <sanne@example.nl>',
      "To: support@palier.example",
      "Subject: =?UTF-8?Q?Het_werkt_niet_=E2=80=93_factuur?=",
      "Date: Wed, 2 Dec 2026 10:00:00 +0100",
      "Message-ID: <s1@example.nl>",
      "In-Reply-To: <palier-7@palier.example>",
      "",
      "Goedemorgen, de factuur van maart werkt niet in mijn account.",
      "",
    ].join("\r\n"),
  );
  const auto = join(dir, "auto.eml");
  writeFileSync(
    auto,
    [
      "From: jan@example.nl",
      "Subject: Automatisch antwoord: factuur",
      "Auto-Submitted: auto-replied",
      "Message-ID: <a1@example.nl>",
      "",
      "Ik ben afwezig tot maandag.",
      "",
    ].join("\r\n"),
  );

  it("writes one JSON line per message, in order, with the contract's fields", async () => {
    const run = await palier(["mail", "inspect", plain, auto]);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0] ?? {})).toEqual([
      "file",
      "messageId",
      "from",
      "to",
      "subject",
      "date",
      "text",
      "attachments",
      "inReplyTo",
      "references",
      "automated",
      "bounce",
      "language",
      "errors",
    ]);
    expect(lines[0]).toMatchObject({
      file: plain,
      messageId: "<s1@example.nl>",
      from: { address: "sanne@example.nl", name: "Sanne de Vries" },
      subject: "Het werkt niet – factuur",
      date: "2026-12-02T09:00:00.000Z",
      text: "Goedemorgen, de factuur van maart werkt niet in mijn account.",
      inReplyTo: "<palier-7@palier.example>",
      automated: null,
      language: "nl",
      errors: [],
    });
    expect(lines[1]).toMatchObject({ file: auto, automated: { kind: "auto_reply", reason: "auto-submitted: auto-replied" } });
  });

  it("reads standard input for -", async () => {
    const run = await palier(["mail", "inspect", "-"], readFileSync(plain, "utf8"));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: "-", messageId: "<s1@example.nl>" });
  });

  it("exits 1 when a message could only be kept raw, still answering the others", async () => {
    const run = await palier(["mail", "inspect", "--max-bytes", "200", auto, plain]);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string; errors: { code: string }[] });
    expect(lines.map((line) => [line.file, line.errors.map((error) => error.code)])).toEqual([
      [auto, []],
      [plain, ["too_large"]],
    ]);
  });

  it("exits 2 on bad arguments, writing nothing on standard output", async () => {
    for (const args of [
      ["mail", "inspect"],
      ["mail", "inspect", plain, join(dir, "missing.eml")],
      ["mail", "inspect", "-", "-"],
      ["mail", "inspect", "--max-bytes", "lots", plain],
    ]) {
      const run = await palier(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^palier mail inspect: /);
    }
  });
});
