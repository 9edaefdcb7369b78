// How Palier reads real mail: the messages of ../shared/mail (other projects' test suites, read
// there, never copied here) through the intake's reader, each fact compared with what those
// projects assert (expected.json). Prints, per category, how many messages are read as
// asserted, then every miss with the fact, the expected and the read value.
//
//   npm run bench:mail-corpus        (MAIL_CORPUS_DIR, default ../shared/mail)

import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readMail, type InboundMail } from "../src/channels/email/readMail.js";

interface Expected {
  file: string;
  from: string | null;
  from_name: string | null;
  subject: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  references: string[] | null;
  body_contains: string[] | null;
  body_empty: boolean | null;
  attachments: { filename: string; content_type: string; size: number; disposition: string | null }[] | null;
  is_auto_reply: boolean | null;
  is_automated: boolean | null;
  is_bounce: boolean | null;
  creates_ticket: boolean | null;
  categories: string[];
}

const dir = resolve(process.env.MAIL_CORPUS_DIR ?? join(import.meta.dirname, "../../shared/mail"));
if (!existsSync(join(dir, "expected.json"))) {
  console.error(`bench:mail: no expected.json in ${dir}; set MAIL_CORPUS_DIR to the corpus of real messages`);
  process.exit(2);
}
const { messages } = JSON.parse(await readFile(join(dir, "expected.json"), "utf8")) as { messages: Expected[] };
/** The helpdesk's own sender in chatwoot's notification fixture: mail from it is a loop. */
const OWN_ADDRESSES = ["accounts@chatwoot.com"];

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function facts(expected: Expected, mail: InboundMail): { fact: string; expected: unknown; read: unknown }[] {
  const misses: { fact: string; expected: unknown; read: unknown }[] = [];
  const check = (fact: string, want: unknown, got: unknown) => {
    if (want === null || want === undefined) return;
    if (JSON.stringify(want) !== JSON.stringify(got)) misses.push({ fact, expected: want, read: got });
  };
  check("subject", expected.subject === null ? null : collapse(expected.subject), mail.subject);
  check("from", expected.from?.toLowerCase() ?? null, mail.from?.address ?? null);
  check("message_id", expected.message_id, mail.messageId);
  // An empty header is no header; an id is compared without its angle brackets.
  const bare = (id: string | null) => (id === null || id.trim() === "" ? null : id.replace(/^\s*<|>\s*$/g, "").trim());
  if (expected.in_reply_to !== null) check("in_reply_to", bare(expected.in_reply_to.match(/<[^>]+>/)?.[0] ?? expected.in_reply_to), bare(mail.inReplyTo));
  if (expected.references !== null && expected.references.length > 0) check("references", expected.references, mail.references);
  const body = collapse(`${mail.text}`);
  for (const phrase of expected.body_contains ?? []) {
    if (!body.includes(collapse(phrase))) misses.push({ fact: "body_contains", expected: phrase, read: body.slice(0, 160) });
  }
  if (expected.body_empty === true && body !== "") misses.push({ fact: "body_empty", expected: true, read: body.slice(0, 80) });
  if (expected.attachments !== null) {
    // A size nobody gave (an attached message, not descended) matches any size.
    const want = expected.attachments.map((a) => `${a.filename || "?"} ${a.size ?? "*"}`).sort();
    const sized = new Set(expected.attachments.filter((a) => a.size === null).map((a) => a.filename || "?"));
    const got = mail.attachments
      .map((a) => (/^attachment-\d+/.test(a.filename) ? "?" : a.filename))
      .map((name, index) => `${name} ${sized.has(name) ? "*" : mail.attachments[index]?.size}`)
      .sort();
    check("attachments", want, got);
  }
  check("is_automated", expected.is_automated, mail.automated !== null);
  check("is_auto_reply", expected.is_auto_reply, mail.automated?.kind === "auto_reply");
  check("is_bounce", expected.is_bounce, mail.automated?.kind === "bounce");
  return misses;
}

const byCategory = new Map<string, { total: number; read: number }>();
const allMisses: string[] = [];
let read = 0;
for (const expected of messages) {
  const mail = await readMail(await readFile(join(dir, expected.file)), { ownAddresses: OWN_ADDRESSES });
  const misses = facts(expected, mail);
  if (misses.length === 0) read++;
  for (const category of ["all", ...expected.categories]) {
    const row = byCategory.get(category) ?? { total: 0, read: 0 };
    row.total++;
    if (misses.length === 0) row.read++;
    byCategory.set(category, row);
  }
  for (const miss of misses) allMisses.push(`${expected.file}: ${miss.fact}: expected ${JSON.stringify(miss.expected)}, read ${JSON.stringify(miss.read)}`);
}

console.log(`Real mail (${dir}): ${read} of ${messages.length} messages read as their projects assert\n`);
console.log("| category | messages | read as asserted |");
console.log("|---|---:|---:|");
for (const [category, row] of [...byCategory].sort((a, b) => b[1].total - a[1].total)) console.log(`| ${category} | ${row.total} | ${row.read} |`);
console.log(`\nMisses (${allMisses.length}):`);
for (const line of allMisses) console.log(`- ${line}`);
