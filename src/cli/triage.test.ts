// The `palier triage` contract, run in process: one answer per message in order, errors per
// line with the others going on, bounds on hostile input, and the exit code.
import { describe, expect, it } from "vitest";
import { MAX_LINE_BYTES, MAX_TEXT_CHARS, runTriage, triageLine, type TriageCommandOptions } from "./triage.js";

/** Runs the command on `chunks` of standard input; its exit code and its output lines, parsed. */
async function run(chunks: (string | Buffer)[], options?: TriageCommandOptions): Promise<{ code: number; lines: Record<string, unknown>[] }> {
  let out = "";
  const code = await runTriage(
    (async function* () {
      yield* chunks;
    })(),
    (text) => (out += text),
    options,
  );
  expect(out === "" || out.endsWith("\n")).toBe(true);
  return {
    code,
    lines:
      out === ""
        ? []
        : out
            .trimEnd()
            .split("\n")
            .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const jsonl = (...messages: unknown[]) => messages.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join("\n") + "\n";

describe("palier triage", () => {
  it("answers each message with its signals, in order, with the contract's fields only", async () => {
    const { code, lines } = await run([
      jsonl(
        { id: "a", text: "Ça fait trois semaines que j'attends mon remboursement, c'est inadmissible !!!" },
        { id: "b", text: "Hi, could you send me the invoice for March? Thanks.", subject: "Invoice", channel: "email" },
      ),
    ]);
    expect(code).toBe(0);
    expect(lines.map((line) => Object.keys(line))).toEqual([
      ["id", "language", "frustration", "frustrated", "alarms", "reasons"],
      ["id", "language", "frustration", "frustrated", "alarms", "reasons"],
    ]);
    const [angry, calm] = lines as [Record<string, unknown>, Record<string, unknown>];
    expect(angry).toMatchObject({ id: "a", language: "fr", frustrated: true, alarms: [{ kind: "money", phrase: "remboursement" }] });
    expect(angry.reasons).toContain("“inadmissible” sounds frustrated");
    expect(calm).toMatchObject({ id: "b", language: "en", frustration: 0, frustrated: false, alarms: [], reasons: [] });
  });

  it("gives the reasons in the language asked for", async () => {
    const { lines } = await run([jsonl({ id: "1", text: "Het is niet slecht." })], { locale: "nl" });
    expect(lines[0]?.reasons).toEqual(["‘niet slecht’ is ontkend en telt dus niet mee"]);
  });

  it("applies the threshold it is given", async () => {
    const text = "Encore un problème avec ma facture.";
    const { lines } = await run([jsonl({ id: "1", text }, { id: "2", text })], { threshold: 0.01 });
    expect(lines.map((line) => line.frustrated)).toEqual([true, true]);
  });

  it("answers a line it cannot read with an error naming the line and goes on, exiting 1", async () => {
    const { code, lines } = await run([
      jsonl(
        "not json",
        [1, 2],
        { text: "no id" },
        { id: "x" },
        { id: "y", text: 42 },
        { id: "z", text: "ok", channel: "fax" },
        { id: "w", text: "ok", colour: "red" },
        { id: "v", text: "ok", recentContacts: -1 },
        { id: "last", text: "Tout va bien, merci." },
      ),
    ]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toEqual({ error: expect.stringMatching(/^line 1: not valid JSON/) });
    expect(lines[1]).toEqual({ error: expect.stringMatching(/^line 2: expected a JSON object/) });
    expect(lines[2]).toEqual({ error: "line 3: id: is required" });
    expect(lines[3]).toEqual({ id: "x", error: "line 4: text: is required" });
    expect(lines[4]).toEqual({ id: "y", error: "line 5: text: expected a string" });
    expect(lines[5]).toEqual({ id: "z", error: expect.stringMatching(/^line 6: channel: "fax" is not a channel/) });
    expect(lines[6]).toEqual({ id: "w", error: expect.stringMatching(/^line 7: colour: unknown field/) });
    expect(lines[7]).toEqual({ id: "v", error: expect.stringMatching(/^line 8: recentContacts: expected a whole number/) });
    expect(lines[8]).toMatchObject({ id: "last", language: "fr", frustrated: false });
  });

  it("skips blank lines, reads lines split across chunks, CRLF endings and a last line without newline", async () => {
    const { code, lines } = await run(['{"id": "1", "te', 'xt": "Bonjour"}\r\n\n   \n{"id": "2", "text": "Hallo"}']);
    expect(code).toBe(0);
    expect(lines.map((line) => line.id)).toEqual(["1", "2"]);
  });

  it("refuses a text over the bound and says so", async () => {
    const { code, lines } = await run([jsonl({ id: "big", text: "a".repeat(MAX_TEXT_CHARS + 1) }, { id: "next", text: "ok" })]);
    expect(code).toBe(1);
    expect(lines[0]).toEqual({ id: "big", error: `line 1: text: ${MAX_TEXT_CHARS + 1} characters, more than the ${MAX_TEXT_CHARS} a message may have` });
    expect(lines[1]).toMatchObject({ id: "next" });
  });

  it("refuses a line over the byte bound without holding it, then goes on", async () => {
    const piece = Buffer.alloc(64 * 1024, "x");
    const chunks = [Buffer.from('{"id": "huge", "text": "'), ...Array.from({ length: MAX_LINE_BYTES / piece.length + 1 }, () => piece), Buffer.from('"}\n')];
    const { code, lines } = await run([...chunks, jsonl({ id: "after", text: "Bonjour" })]);
    expect(code).toBe(1);
    expect(lines).toEqual([{ error: `line 1: longer than ${MAX_LINE_BYTES} bytes, not read` }, expect.objectContaining({ id: "after" })]);
  });

  it("keeps hostile strings as data", async () => {
    const text = '"}\u0000\u2028<script>alert(1)</script> \ud800 {"id": "other"}';
    const { lines } = await run([jsonl({ id: "h", text })]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.id).toBe("h");
  });

  it("answers one line in process", () => {
    expect(JSON.parse(triageLine('{"id": 7, "text": "Storing!"}', 1).output)).toMatchObject({ id: 7, alarms: [{ kind: "outage", phrase: "storing" }] });
  });
});
