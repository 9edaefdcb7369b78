// Rules benchmark: what running the rules adds to a ticket change, in process on PGlite. Two
// databases side by side, one without rules and one with 50 (listening to creations, customer
// messages and updates, on subjects, tags, priorities and triage, none of them matching the
// benched tickets: the usual case), timed in alternation so that both see the same machine load:
// createTicket with a customer's first message, then updateTicket changing its priority.
// Prints p50 and p99 of each and the difference. `--smoke` (or BENCH_SIZE=smoke): CI size.

import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { updateTicket } from "../src/commands/tickets/changeTicket.js";
import { createTicket } from "../src/commands/tickets/createTicket.js";
import { inWork } from "../src/commands/work.js";
import type { RuleDefinition } from "../src/core/rules/rule.js";
import { type Database, openDatabase } from "../src/store/database.js";
import { customerStore } from "../src/store/entities.js";
import { insertRule } from "../src/store/rules.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const ROUNDS = SMOKE ? 50 : 1000;
const WARMUP = SMOKE ? 10 : 100;
const RULES = 50;
const START = new Date("2026-11-23T09:00:00Z");

/** Rule k: one of a few shapes a team writes, never matching the benched tickets. */
function ruleDefinition(k: number): RuleDefinition {
  const shapes: Pick<RuleDefinition, "triggers" | "conditions">[] = [
    { triggers: ["ticket_created"], conditions: { field: "ticket.subject", op: "matches_words", value: [`panne ${k}`, `storing ${k}`] } },
    {
      triggers: ["customer_message"],
      conditions: {
        all: [
          { field: "triage.frustration", op: "greater_than", value: 0.99 },
          { field: "ticket.tags", op: "contains", value: `vip${k}` },
        ],
      },
    },
    { triggers: ["ticket_updated"], conditions: { field: "ticket.tags", op: "changed_to", value: `escalade${k}` } },
    {
      triggers: ["ticket_created", "ticket_updated"],
      conditions: {
        any: [
          { field: "ticket.channel", op: "is", value: "twitter" },
          { field: "ticket.subject", op: "starts_with", value: `[K${k}]` },
        ],
      },
    },
    {
      triggers: ["ticket_updated"],
      conditions: {
        all: [
          { field: "ticket.priority", op: "changed_to", value: "low" },
          { field: "customer.email", op: "contains", value: `@client${k}.example` },
        ],
      },
    },
  ];
  const shape = shapes[k % shapes.length] as (typeof shapes)[number];
  return { name: `Règle ${k}`, enabled: true, ...shape, actions: [{ type: "add_tags", tags: [`r${k}`] }], stop: false };
}

interface Side {
  name: string;
  database: Database;
  customerId: string;
  create: number[];
  change: number[];
}

async function openSide(name: string, rules: number): Promise<Side & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "palier-bench-rules-"));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  const customer = await customerStore.create(database.db, { name: "Marie Dupont", email: "marie@example.fr", language: "fr" }, START);
  await inWork(database.db, { now: START, actor: { type: "system" } }, async (work) => {
    for (let k = 0; k < rules; k += 1) await insertRule(work.tx, ruleDefinition(k), START);
  });
  return { name, dir, database, customerId: customer.id, create: [], change: [] };
}

let tick = 0;
async function round(side: Side, record: boolean): Promise<void> {
  const now = new Date(START.getTime() + ++tick * 1000);
  const customer = { type: "customer" as const, id: side.customerId };
  let started = performance.now();
  const { ticket } = await inWork(side.database.db, { now, actor: customer }, (work) =>
    createTicket(work, {
      subject: "Remboursement non reçu",
      channel: "email",
      customerId: side.customerId,
      language: "fr",
      message: { text: "Bonjour, j'attends toujours mon remboursement de la commande 4471. Merci de me répondre rapidement." },
    }),
  );
  const created = performance.now() - started;
  started = performance.now();
  await inWork(side.database.db, { now, actor: { type: "system" } }, (work) => updateTicket(work, { number: ticket.number, changes: { priority: "high" } }));
  const changed = performance.now() - started;
  if (record) {
    side.create.push(created);
    side.change.push(changed);
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

const without = await openSide("0 rules", 0);
const withRules = await openSide(`${RULES} rules`, RULES);
try {
  for (let i = 0; i < WARMUP; i += 1) {
    await round(without, false);
    await round(withRules, false);
  }
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate which goes first, so neither always runs right after the other's writes.
    const [a, b] = i % 2 === 0 ? [without, withRules] : [withRules, without];
    await round(a, true);
    await round(b, true);
  }
  console.log(
    `rules bench: ${ROUNDS} rounds after ${WARMUP} warm-up, PGlite in process, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log("| operation | 0 rules p50 | 0 rules p99 | 50 rules p50 | 50 rules p99 | difference p50 | difference p99 |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const op of ["create", "change"] as const) {
    const [a50, a99, b50, b99] = [percentile(without[op], 50), percentile(without[op], 99), percentile(withRules[op], 50), percentile(withRules[op], 99)];
    console.log(
      `| ${op === "create" ? "createTicket" : "updateTicket"} | ${ms(a50)} | ${ms(a99)} | ${ms(b50)} | ${ms(b99)} | ${ms(b50 - a50)} | ${ms(b99 - a99)} |`,
    );
  }
} finally {
  for (const side of [without, withRules]) {
    await side.database.close();
    rmSync(side.dir, { recursive: true, force: true });
  }
}
