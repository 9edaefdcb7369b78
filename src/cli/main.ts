// The `palier` command line: subcommands and their help.

import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
// Each command is loaded when it runs: `palier calendar` or `--version` need neither the database
// nor triage's language model, which take a second or more to load.

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

const ONCALL_HELP = `
Reads one JSON request on standard input and writes one JSON answer on standard output:

  {"schedule": {"timezone": "Europe/Brussels",
                "layers": [{"name": "nights",
                            "rotation": {"participants": ["ann", "bob"],
                                         "start": "2026-11-02T18:00:00+01:00", "length": {"weeks": 1}},
                            "restrictions": [{"days": ["mon","tue","wed","thu","fri"], "from": "18:00", "to": "08:00"}]}],
                "overrides": [{"start": "…", "end": "…", "who": "cem"}]},
   "queries": [{"at": "2026-11-04T03:00:00+01:00"},
               {"from": "2026-11-02T00:00:00+01:00", "to": "2026-11-09T00:00:00+01:00"}]}

A length is one of hours (real hours), days or weeks (handing off at the start's local time,
across daylight-saving changes). A later layer beats an earlier one; an override beats every layer.
A restriction whose "to" is before its "from" runs past midnight into the next day.
Answer: {"results": [{"on_call": ["…"]} | {"shifts": [{"start", "end", "who": ["…"]}]} | {"error": "…"}, …]}
(on_call empty when nobody; shifts cover the span, adjacent equal shifts merged, at most 366 days).

Exit status: 0 every query answered, 1 some query has an error, 2 the request is unreadable
or the schedule invalid (each field and problem on standard error).`;

const TRIAGE_HELP = `
Reads one message a line on standard input:

  {"id": "42", "text": "Ça fait trois semaines que j'attends mon remboursement !!!",
   "subject": "…", "channel": "email", "recentContacts": 2}

(subject, channel and recentContacts optional) and writes one line per message, in order:

  {"id": "42", "language": "fr", "frustration": 0.84, "frustrated": true,
   "alarms": [{"kind": "money", "phrase": "remboursement"}], "reasons": ["…"]}

A line it cannot read gets {"id"?, "error": "line N: …"} and the others go on. Lines of more
than 1 MiB and texts of more than 100,000 characters are refused. No network, no download.

Exit status: 0 every line triaged, 1 some line has an error, 2 invalid options.`;

const MAIL_INSPECT_HELP = `
Reads each message as the intake does and writes one JSON line per message, in order:

  {"file", "messageId", "from": {"address", "name"}, "to": [...], "subject", "date", "text",
   "attachments": [{"filename", "contentType", "size", "inline", "contentId"}],
   "inReplyTo", "references": [...], "automated": null | {"kind", "reason"},
   "bounce": null | {"recipient", "status", "diagnostic"}, "language", "errors": [...]}

automated.kind is auto_reply, bulk, list, bounce or loop. errors name what could not be read
as sent ({"code", "detail"}); the message is still read as far as it goes.

Exit status: 0 every message parsed, 1 some could only be kept raw, 2 bad arguments.`;

const SERVE_HELP = `
Configuration (environment variables):
  PORT, HOST               where to listen (default 127.0.0.1:3000; PORT=0 picks a free port)
  DATABASE_URL             postgres://user@host:port/database; unset: embedded PGlite in PALIER_DATA_DIR
  PALIER_DATA_DIR          PGlite's directory (default ./data); one Palier process at a time
  PALIER_ADMIN_EMAIL       the admin created at the first start (default admin@palier.local)
  PALIER_ADMIN_PASSWORD    its password (unset: generated and printed once)
  PALIER_ADMIN_TOKEN       also give the admin this API token (24+ characters)
  PALIER_DEMO              seed the demo workspace into an empty database (default 1)
  PALIER_CLOCK             system (default) or manual
  PALIER_SECURE_COOKIES    1 behind HTTPS
  SMTP_URL                 smtp://user:password@host:port or smtps://…; unset: e-mails stay in the built-in mailbox
  PALIER_MAIL_FROM         the From of e-mails (default "Palier <palier@localhost>")
  SMTP_IN_PORT             the built-in SMTP receiver for mail routed to Palier (default 2525; 0 any free port; off)
  SMTP_IN_HOST             where it listens (default HOST)
  MAIL_MAX_BYTES           the largest message received, in bytes (default 26214400, 25 MiB)
  PALIER_SECRET_KEY        32 bytes (hex or base64) encrypting IMAP mailbox passwords; unset: secret.key in PALIER_DATA_DIR

Stops cleanly on SIGINT (Ctrl-C) or SIGTERM. Exit status: 0 stopped cleanly, 1 could not start
(the data directory is in use, the database is unreachable, the port is taken), 2 invalid configuration.`;

const WORKER_HELP = `
Needs PostgreSQL (DATABASE_URL); with embedded PGlite, \`palier serve\` runs the workers itself.
Any number of \`palier worker\` processes may run beside \`palier serve\`: each due escalation step
fires exactly once, whichever process takes it. Reads the same environment as \`palier serve\`
(DATABASE_URL, SMTP_URL, PALIER_MAIL_FROM); PALIER_CLOCK=manual is refused.

Stops on SIGINT (Ctrl-C) or SIGTERM after the batch in flight. Exit status: 0 stopped cleanly,
1 could not start (database unreachable), 2 invalid configuration (no DATABASE_URL).`;

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
      const { runCalendarRequest } = await import("./calendarRequest.js");
      const outcome = runCalendarRequest(await readStdin());
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      status = outcome.code;
    });

  program
    .command("oncall")
    .description("who is on call and the final schedule of an on-call schedule: one JSON request on stdin, one JSON answer on stdout")
    .addHelpText("after", ONCALL_HELP)
    .action(async () => {
      if (process.stdin.isTTY) process.stderr.write("palier oncall: reading a JSON request from standard input (end with Ctrl-D)\n");
      const { runOncallRequest } = await import("./oncallRequest.js");
      const outcome = runOncallRequest(await readStdin());
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      status = outcome.code;
    });

  program
    .command("triage")
    .description("triage signals of customer messages: JSON Lines on stdin, one JSON line per message on stdout")
    .option("--lang <language>", "the language of the reasons: en, fr or nl", "en")
    .option("--threshold <score>", "the frustration threshold, 0 to 1 (default the product's)")
    .addHelpText("after", TRIAGE_HELP)
    .action(async (options: { lang: string; threshold?: string }) => {
      const { triageCommand } = await import("./triage.js");
      status = await triageCommand(options);
    });

  program
    .command("mail")
    .description("e-mail tools")
    .command("inspect")
    .description("what Palier makes of e-mail messages: one JSON line per message, in order")
    .argument("[files...]", "raw messages (.eml); - for standard input")
    .option("--max-bytes <n>", "keep larger messages raw, unparsed (default 26214400, 25 MiB)")
    .addHelpText("after", MAIL_INSPECT_HELP)
    .action(async (files: string[], options: { maxBytes?: string }) => {
      const { runMailInspect } = await import("./mailInspect.js");
      status = await runMailInspect(
        files,
        { stdin: process.stdin, write: (text) => process.stdout.write(text), error: (text) => process.stderr.write(text) },
        options,
      );
    });

  program
    .command("serve")
    .description("start Palier: migrate, create the admin and the demo on first start, serve the API and the web app")
    .addHelpText("after", SERVE_HELP)
    .action(async () => {
      const { serveCommand } = await import("./serve.js");
      status = await serveCommand();
    });

  program
    .command("worker")
    .description("run only the background workers (escalation timers, outbox delivery) against PostgreSQL; start several to share the load")
    .addHelpText("after", WORKER_HELP)
    .action(async () => {
      const { workerCommand } = await import("./worker.js");
      status = await workerCommand();
    });

  program
    .command("migrate")
    .description("apply the pending database migrations, then exit")
    .action(async () => {
      const { migrateCommand } = await import("./migrate.js");
      status = await migrateCommand();
    });

  program
    .command("seed")
    .description("write sample data into the database")
    .option("--demo", "the demo workspace: teams, agents, customers and about 200 tickets in French, Dutch and English")
    .addHelpText(
      "after",
      "\nRefuses (exit status 1) when the demo workspace is already there. `palier serve` seeds it by itself\ninto an empty database unless PALIER_DEMO=0.",
    )
    .action(async (options: { demo?: boolean }) => {
      const { seedCommand } = await import("./seed.js");
      status = await seedCommand(options);
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
