// The `palier` command line: subcommands and their help.

import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { runCalendarRequest } from "./calendarRequest.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const CALENDAR_HELP = `
Reads one JSON request on standard input and writes one JSON answer on standard output:

  {"calendar": {"timezone": "Europe/Paris",
                "hours": {"mon": [["09:00","12:30"],["13:30","18:00"]], "tue": [["09:00","18:00"]]},
                "holidays": ["2026-12-25", "01-01"],
                "overrides": {"2026-12-24": [["09:00","12:00"]]}},
   "ops": [{"op": "add", "start": "2026-11-20T16:30:00+01:00", "seconds": 7200},
           {"op": "elapsed", "start": "…", "end": "…", "pauses": [["…", "…"]]},
           {"op": "is_open", "at": "…"}]}

Operations: add, subtract (start, seconds, pauses), elapsed (start, end, pauses),
is_open, next_open, prev_close (at). Instants are ISO 8601 with an offset or Z.
Answer: {"results": [{"at": "…"} | {"seconds": n} | {"open": bool} | {"error": "…"}, …]}.

Exit status: 0 every op answered, 1 some op has an error, 2 the request is unreadable
or the calendar invalid (message on standard error).`;

/** Runs the command line `args` (without node and script) and returns the exit status. */
export async function main(args: string[]): Promise<number> {
  let status = 0;
  const program = new Command("palier")
    .description("Palier: escalation management for customer-support teams.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) });

  program
    .command("calendar")
    .description("business-time arithmetic on a calendar: one JSON request on stdin, one JSON answer on stdout")
    .addHelpText("after", CALENDAR_HELP)
    .action(async () => {
      if (process.stdin.isTTY) process.stderr.write("palier calendar: reading a JSON request from standard input (end with Ctrl-D)\n");
      const outcome = runCalendarRequest(await readStdin());
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      status = outcome.code;
    });

  if (args.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return status;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
