// Triage benchmark on real text: frustration precision, recall and F1 per set and language beside
// two baselines measured in the same run (@nlpjs/sentiment alone, score < 0; flagging everything),
// how often it fires on ordinary support traffic, language detection, alarms on ordinary traffic,
// and the throughput of triage with 50 rules on one core. The data is read from the shared data
// directory (TRIAGE_DATA_DIR, default ../shared/data), never copied here. Every row goes to the
// development or the held-out half by a hash of its text; tuning looks only at `dev`, and the
// held-out half is the headline.
//
// `--smoke` (or BENCH_SIZE=smoke): CI size. `--errors <set>`: print that set's development
// misses, for tuning.
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { evaluateRules } from "../src/core/rules/evaluate.js";
import type { RuleFacts } from "../src/core/rules/facts.js";
import { testTicket } from "../src/core/rules/testFacts.js";
import type { Language } from "../src/core/ticket/ticket.js";
import { triage } from "../src/core/triage/index.js";
import { dataDirectory, loadSets, type MessageSet, type Sample, type Split } from "./triage/datasets.js";
import { confusion, rate, scores } from "./triage/metrics.js";
import { nlpjsSentiment } from "./triage/nlpjsBaseline.js";
import { generatedRules } from "./triage/rulesLoad.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const errorsOf = process.argv.includes("--errors") ? process.argv[process.argv.indexOf("--errors") + 1] : undefined;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

let sets: MessageSet[];
try {
  sets = loadSets(dataDirectory(ROOT), SMOKE ? 200 : Infinity);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f2 = (x: number) => x.toFixed(2);
const SPLITS: Split[] = ["held-out", "dev"];
const sentiment = nlpjsSentiment();

interface Judged {
  sample: Sample;
  palier: boolean;
  nlpjs: boolean;
  language: string;
}

const judged = new Map<string, Judged[]>();
for (const set of sets) {
  const rows: Judged[] = [];
  for (const sample of set.samples) {
    const signals = triage({ text: sample.text });
    rows.push({ sample, palier: signals.frustrated, nlpjs: (await sentiment(sample.text, sample.language)) < 0, language: signals.language });
  }
  judged.set(set.name, rows);
}

console.log(`# Triage benchmark${SMOKE ? " (smoke size: 200 rows a set, figures not meaningful)" : ""}\n`);
console.log(`Node ${process.version}, data ${dataDirectory(ROOT)}\n`);

// --- Frustration ---------------------------------------------------------------------------------------------
console.log("## Frustration (frustrated at the default threshold)\n");
console.log("| set | half | rows | frustrated | Palier P / R / F1 | nlp.js < 0 P / R / F1 | flag all F1 | Palier − better baseline |");
console.log("|---|---|---:|---:|---|---|---:|---:|");
const pooled = new Map<string, Judged[]>();
for (const set of sets.filter((s) => s.label !== "none")) {
  for (const split of SPLITS) {
    const rows = (judged.get(set.name) ?? []).filter((row) => row.sample.split === split);
    printRow(set.name, split, rows);
    const key = `${set.language}\u0000${split}`;
    pooled.set(key, [...(pooled.get(key) ?? []), ...rows]);
  }
}
for (const language of ["en", "fr", "nl"] as Language[]) {
  for (const split of SPLITS) printRow(`**all ${language}**`, split, pooled.get(`${language}\u0000${split}`) ?? []);
}

function printRow(name: string, split: Split, rows: Judged[]): void {
  const actual = rows.map((row) => row.sample.frustrated === true);
  const ours = scores(
    confusion(
      rows.map((row) => row.palier),
      actual,
    ),
  );
  const peer = scores(
    confusion(
      rows.map((row) => row.nlpjs),
      actual,
    ),
  );
  const all = scores(
    confusion(
      rows.map(() => true),
      actual,
    ),
  );
  const better = Math.max(peer.f1, all.f1);
  const triple = (s: typeof ours) => `${f2(s.precision)} / ${f2(s.recall)} / ${f2(s.f1)}`;
  const delta = `${ours.f1 >= better ? "+" : "−"}${(100 * Math.abs(ours.f1 - better)).toFixed(1)} pts`;
  console.log(`| ${name} | ${split} | ${rows.length} | ${pct(rate(actual))} | ${triple(ours)} | ${triple(peer)} | ${f2(all.f1)} | ${delta} |`);
}

// --- Ordinary traffic ----------------------------------------------------------------------------------------
console.log("\n## How often it fires on ordinary support traffic (unlabelled)\n");
console.log("| set | half | rows | Palier frustrated | nlp.js < 0 | alarms: legal / churn / money / outage / sales |");
console.log("|---|---|---:|---:|---:|---|");
for (const set of sets.filter((s) => s.label === "none")) {
  for (const split of SPLITS) {
    const rows = (judged.get(set.name) ?? []).filter((row) => row.sample.split === split);
    const kinds = ["legal", "churn", "money", "outage", "sales"].map(
      (kind) => rows.filter((row) => triage({ text: row.sample.text }).alarms.some((alarm) => alarm.kind === kind)).length / Math.max(1, rows.length),
    );
    console.log(
      `| ${set.name} | ${split} | ${rows.length} | ${pct(rate(rows.map((row) => row.palier)))} | ${pct(rate(rows.map((row) => row.nlpjs)))} | ${kinds.map(pct).join(" / ")} |`,
    );
  }
}

// --- Language ------------------------------------------------------------------------------------------------
console.log("\n## Language detection\n");
console.log("| set | half | rows | right | unknown | wrong | right on rows of 4+ words |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const set of sets) {
  for (const split of SPLITS) {
    const rows = (judged.get(set.name) ?? []).filter((row) => row.sample.split === split);
    const right = rows.filter((row) => row.language === set.language).length;
    const unknown = rows.filter((row) => row.language === "unknown").length;
    const longer = rows.filter((row) => row.sample.text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/^[@#]|^https?:/.test(w)).length >= 4);
    const rightLonger = longer.filter((row) => row.language === set.language).length;
    const n = Math.max(1, rows.length);
    console.log(
      `| ${set.name} | ${split} | ${rows.length} | ${pct(right / n)} | ${pct(unknown / n)} | ${pct((rows.length - right - unknown) / n)} | ${pct(rightLonger / Math.max(1, longer.length))} (${longer.length}) |`,
    );
  }
}

// --- Development misses, for tuning --------------------------------------------------------------------------
if (errorsOf !== undefined) {
  const rows = (judged.get(sets.find((set) => set.name.startsWith(errorsOf))?.name ?? "") ?? []).filter((row) => row.sample.split === "dev");
  for (const row of rows.filter((r) => r.sample.frustrated !== undefined && r.palier !== r.sample.frustrated).slice(0, 60)) {
    const signals = triage({ text: row.sample.text });
    const why = signals.reasons.map((reason) => ("phrase" in reason ? reason.phrase : reason.kind)).join(", ");
    console.error(`${row.palier ? "FP" : "FN"} ${f2(signals.frustration)} [${why}] ${row.sample.text.replace(/\s+/g, " ").slice(0, 160)}`);
  }
}

// --- Throughput ----------------------------------------------------------------------------------------------
const texts = sets.flatMap((set) => set.samples.map((sample) => sample.text));
const rules = generatedRules(50);
const ticket = testTicket();
const baseFacts: Omit<RuleFacts, "message" | "triage"> = {
  ticket,
  customer: { name: "Client", email: "client@example.com", language: "fr" },
  organization: { name: "Acme", segment: "enterprise", domains: ["example.com"] },
  actor: { type: "customer", id: ticket.customerId },
  now: new Date("2026-11-23T10:00:00Z"),
  calendar: null,
};

/** Messages a second over at least `ms` milliseconds (or `minimum` messages), and the rules matched. */
function throughput(withRules: boolean, ms: number, minimum: number): { perSecond: number; matched: number; done: number } {
  let done = 0;
  let matched = 0;
  const start = performance.now();
  while (performance.now() - start < ms || done < minimum) {
    const text = texts[done % texts.length] as string;
    const signals = triage({ text });
    if (withRules) {
      const facts: RuleFacts = { ...baseFacts, message: { text, kind: "customer", channel: "email" }, triage: signals };
      matched += evaluateRules(rules, facts, "customer_message").length;
    }
    done++;
  }
  return { perSecond: (done / (performance.now() - start)) * 1000, matched, done };
}

const [warmMs, runMs, minimum] = SMOKE ? [0, 0, 200] : [2000, 5000, 0];
throughput(true, warmMs, minimum);
const loadBefore = loadavg()[0] as number;
const alone = throughput(false, runMs, minimum);
const withRules = throughput(true, runMs, minimum);
const loadAfter = loadavg()[0] as number;
console.log("\n## Throughput on one core\n");
console.log(`${texts.length} messages of every set in turn (mean ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} characters).\n`);
console.log("| what | messages a second |");
console.log("|---|---:|");
console.log(`| triage (language, frustration, alarms) | ${Math.round(alone.perSecond).toLocaleString("en")} |`);
console.log(`| triage and 50 rules (evaluateRules) | ${Math.round(withRules.perSecond).toLocaleString("en")} |`);
console.log(`\nLoad average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on a machine of 2 cores shared with other work.`);
console.log(`Rules matched per message: ${(withRules.matched / Math.max(1, withRules.done)).toFixed(1)} (a check the rules ran).`);
