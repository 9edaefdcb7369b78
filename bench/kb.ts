// Knowledge-base search benchmark: 10,000 articles (18,334 language versions: every article in
// French, one in two also in Dutch, one in three also in English), searched the way the public
// endpoint does (words, typo correction against the articles' words, stemmed match in each
// language, rank, one version per article, highlighted snippets), on PGlite in process and on
// PostgreSQL; and again with the process's remembered query words forgotten before each search,
// as for a query never searched before (its words looked up by trigrams). Beside it in the same run, on the same rows and queries: a ceiling, the bare
// indexed match in the reader's language (`language = … and search @@ plainto_tsquery(…)`, on
// that language's index; no ranking, no snippet, no typo tolerance, no other language), and a
// peer, a plain `ILIKE '%word%'` over title and text as a help centre without full-text search
// does. Prints p50 and p95 of each and the ratios. `--smoke` (or BENCH_SIZE=smoke): CI size.
// PostgreSQL from BENCH_DATABASE_URL (or TEST_DATABASE_URL); a database of its own, dropped after.

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createArticle, createCategory } from "../src/commands/kb/articles.js";
import { inWork } from "../src/commands/work.js";
import { type KbLanguage, slugify } from "../src/core/kb/article.js";
import { markdownText } from "../src/core/kb/markdown.js";
import { type Database, openDatabase } from "../src/store/database.js";
import { searchArticles } from "../src/store/kb.js";
import { forgetTerms } from "../src/store/kbTermCache.js";
import { pgTextArray } from "../src/store/sql/pgArray.js";
import { CATEGORIES, FIXTURE } from "../test/kb/fixture.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const ARTICLES = SMOKE ? 500 : 10_000;
const ROUNDS = SMOKE ? 2 : 25;
const WARMUP = SMOKE ? 1 : 3;
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const NOW = new Date("2026-12-01T09:00:00Z");
const CONFIG: Record<KbLanguage, string> = { fr: "kb_french", nl: "kb_dutch", en: "kb_english" };

/** The queries, as a reader types them: common and rare words, accents dropped, typos, free text. */
const QUERIES: { q: string; lang: KbLanguage; any?: true }[] = [
  { q: "remboursement", lang: "fr" },
  { q: "rembourssement commande", lang: "fr" },
  { q: "evenement reporte", lang: "fr" },
  { q: "mot de passe oublié", lang: "fr" },
  { q: "facture", lang: "fr" },
  { q: "terugbetaling", lang: "nl" },
  { q: "wachtwoord vergeten", lang: "nl" },
  { q: "refund", lang: "en" },
  { q: "gift card balance", lang: "en" },
  { q: "authenticaton", lang: "en" },
  { q: "Bonjour, mon colis est en retard et je voudrais être remboursé", lang: "fr", any: true },
  { q: "zwibbelquark", lang: "fr" },
];

// A seeded generator, so every run writes the same articles.
let seed = 20261201;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

/** Each language's words: the fixture's (real words, so queries meet them) and made-up ones, Zipf-like. */
function vocabulary(language: KbLanguage): string[] {
  const real = new Set<string>();
  for (const a of FIXTURE) {
    const v = a.versions[language];
    if (v) for (const w of `${v.title} ${markdownText(v.body)}`.toLowerCase().match(/\p{L}{3,}/gu) ?? []) real.add(w);
  }
  const syllables = {
    fr: ["ré", "ma", "tion", "pro", "cha", "lé", "ment", "ver", "con", "pé"],
    nl: ["ge", "ver", "bo", "lin", "stra", "heid", "ke", "wa", "ont", "aar"],
    en: ["re", "ing", "pro", "ta", "ment", "li", "con", "ser", "ly", "ab"],
  }[language];
  const made: string[] = [];
  for (let i = 0; i < 4000; i++) {
    let w = "";
    for (let s = 0; s < 2 + (i % 3); s++) w += syllables[Math.floor(random() * syllables.length)];
    made.push(`${w}${i % 7 === 0 ? "s" : ""}`);
  }
  // The real words among the made-up ones at random ranks, so that they are as common as any.
  const all = [...real, ...made];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

function text(words: string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(words[Math.floor(words.length * random() ** 2.5)]!);
  return out.join(" ");
}

async function fill(database: Database): Promise<number> {
  const db = database.db;
  const categories: string[] = [];
  await inWork(db, { now: NOW, actor: { type: "system" } }, async (work) => {
    for (const c of CATEGORIES) categories.push((await createCategory(work, c)).id);
    // The fixture's articles through the command, as an editor writes them.
    for (const a of FIXTURE) {
      const translations = Object.entries(a.versions).map(([language, v]) => ({
        language: language as KbLanguage,
        slug: `${slugify(v.title)}-${language}`,
        title: v.title,
        body: v.body,
        status: "published" as const,
      }));
      await createArticle(work, { categoryId: categories[0]!, fallbackLanguage: a.fallback, translations });
    }
  });
  const words = { fr: vocabulary("fr"), nl: vocabulary("nl"), en: vocabulary("en") };
  let versions = 0;
  const BATCH = 250;
  for (let start = 0; start < ARTICLES - FIXTURE.length; start += BATCH) {
    const rows: { article: number; language: KbLanguage; title: string; body: string }[] = [];
    for (let i = start; i < Math.min(start + BATCH, ARTICLES - FIXTURE.length); i++) {
      const languages: KbLanguage[] = ["fr", ...(i % 2 === 0 ? (["nl"] as const) : []), ...(i % 3 === 0 ? (["en"] as const) : [])];
      for (const language of languages)
        rows.push({ article: i, language, title: text(words[language], 4 + (i % 4)), body: text(words[language], 80 + (i % 70)) });
    }
    versions += rows.length;
    // Bulk rows, with the same search vector and words the store writes (src/store/kb.ts).
    const ids = new Map<number, string>();
    for (const r of rows) if (!ids.has(r.article)) ids.set(r.article, randomUUID());
    await db.execute(sql`
      insert into kb_articles (id, category_id, fallback_language, created_at, updated_at)
      select id, ${categories[1]!}::uuid, 'fr', ${NOW.toISOString()}::timestamptz, ${NOW.toISOString()}::timestamptz
      from unnest(${pgTextArray([...ids.values()])}::uuid[]) as a(id)`);
    await db.execute(sql`
      insert into kb_translations (article_id, language, slug, title, body, body_text, status, search, published_at, created_at, updated_at)
      select v.article_id, v.language, 'bench-' || v.article_id || '-' || v.language, v.title, v.body, v.body, 'published',
        setweight(to_tsvector((case v.language when 'fr' then ${CONFIG.fr} when 'nl' then ${CONFIG.nl} else ${CONFIG.en} end)::regconfig, v.title), 'A')
          || setweight(to_tsvector((case v.language when 'fr' then ${CONFIG.fr} when 'nl' then ${CONFIG.nl} else ${CONFIG.en} end)::regconfig, v.body), 'B'),
        ${NOW.toISOString()}::timestamptz, ${NOW.toISOString()}::timestamptz, ${NOW.toISOString()}::timestamptz
      from unnest(${pgTextArray(rows.map((r) => ids.get(r.article)!))}::uuid[], ${pgTextArray(rows.map((r) => r.language))}::text[],
        ${pgTextArray(rows.map((r) => r.title))}::text[], ${pgTextArray(rows.map((r) => r.body))}::text[]) as v(article_id, language, title, body)`);
  }
  await db.execute(sql`
    insert into kb_words (word)
    select distinct w from kb_translations, regexp_split_to_table(lower(unaccent(title || ' ' || body_text)), '[^a-z0-9]+') as w
    where length(w) between 3 and 40 on conflict do nothing`);
  await db.execute(sql`analyze`);
  return versions + FIXTURE.reduce((n, a) => n + Object.keys(a.versions).length, 0);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

type Times = Record<"palier" | "cold" | "ceiling" | "ilike", number[]> & { perQuery: number[][]; perQueryCold: number[][] };

async function measure(database: Database): Promise<Times> {
  const db = database.db;
  const times: Times = { palier: [], cold: [], ceiling: [], ilike: [], perQuery: QUERIES.map(() => []), perQueryCold: QUERIES.map(() => []) };
  const sides = {
    palier: (q: (typeof QUERIES)[number]) => searchArticles(db, { text: q.q, language: q.lang, limit: 5, any: q.any ?? false }),
    cold: (q: (typeof QUERIES)[number]) => {
      forgetTerms(db);
      return searchArticles(db, { text: q.q, language: q.lang, limit: 5, any: q.any ?? false });
    },
    ceiling: (q: (typeof QUERIES)[number]) =>
      db.execute(
        sql`select id, slug, title from kb_translations
            where language = ${sql.raw(`'${q.lang}'`)} and search @@ plainto_tsquery(${sql.raw(`'${CONFIG[q.lang]}'::regconfig`)}, ${q.q}) and status = 'published' limit 5`,
      ),
    ilike: (q: (typeof QUERIES)[number]) => {
      const word = `%${q.q.split(" ")[0]}%`;
      return db.execute(
        sql`select id, slug, title from kb_translations where status = 'published' and (title ilike ${word} or body_text ilike ${word}) limit 5`,
      );
    },
  };
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [index, q] of QUERIES.entries()) {
      // Alternate which side goes first, so none always runs on a cache the other warmed.
      const sideNames = ["palier", "cold", "ceiling", "ilike"] as const;
      const order = sideNames.slice(round % sideNames.length).concat(sideNames.slice(0, round % sideNames.length));
      for (const side of order) {
        const started = performance.now();
        await sides[side](q);
        const elapsed = performance.now() - started;
        if (round >= WARMUP) times[side].push(elapsed);
        if (round >= WARMUP && side === "palier") times.perQuery[index]!.push(elapsed);
        if (round >= WARMUP && side === "cold") times.perQueryCold[index]!.push(elapsed);
      }
    }
  }
  // A search that must find its article, so the figures are of a search that works.
  const check = await searchArticles(db, { text: "rembourssement", language: "fr", limit: 5, any: false });
  if (!check.some((r) => r.slug === "demander-un-remboursement-fr"))
    throw new Error(`the typo query did not find its article: ${check.map((r) => r.slug).join(", ")}`);
  return times;
}

function report(backend: string, versions: number, times: Times): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const row = (label: string, values: number[]) => `| ${backend} | ${label} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} |`;
  console.log(row("Palier search (typos, stems, rank, snippets)", times.palier));
  console.log(row("Palier search, query words not remembered", times.cold));
  console.log(row("ceiling: bare indexed @@, limit 5", times.ceiling));
  console.log(row("peer: ILIKE '%word%', limit 5", times.ilike));
  const p95 = percentile(times.palier, 95);
  console.log(
    `| ${backend} | ratios p50 / p95 | Palier ÷ ceiling ${(percentile(times.palier, 50) / percentile(times.ceiling, 50)).toFixed(1)}x / ${(p95 / percentile(times.ceiling, 95)).toFixed(1)}x | Palier ÷ ILIKE ${(percentile(times.palier, 50) / percentile(times.ilike, 50)).toFixed(2)}x / ${(p95 / percentile(times.ilike, 95)).toFixed(2)}x |`,
  );
  // Which queries the p95 is made of: each query's own p50, slowest first.
  const perQuery = (label: string, samples: number[][]) => {
    const sorted = QUERIES.map((q, i) => ({ q: q.q.length > 24 ? `${q.q.slice(0, 24)}…` : q.q, p50: percentile(samples[i]!, 50) })).sort(
      (a, b) => b.p50 - a.p50,
    );
    console.log(`${backend}: ${label} p50 per query: ${sorted.map((x) => `“${x.q}” ${x.p50.toFixed(1)}`).join(", ")}`);
  };
  perQuery("Palier", times.perQuery);
  perQuery("Palier, words not remembered,", times.perQueryCold);
  void versions;
}

console.log(
  `kb bench: ${ARTICLES} articles, ${QUERIES.length} queries × ${ROUNDS} rounds after ${WARMUP} warm-up, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log("| backend | search | p50 | p95 |");
console.log("|---|---|---:|---:|");

const dir = mkdtempSync(join(tmpdir(), "palier-bench-kb-"));
const lite = await openDatabase({ dataDir: dir });
try {
  await lite.migrate();
  const versions = await fill(lite);
  report(`PGlite (${versions} versions)`, versions, await measure(lite));
} finally {
  await lite.close();
  rmSync(dir, { recursive: true, force: true });
}

const name = `palier_bench_kb_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name} template template0`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const server = await openDatabase({ url: url.toString(), poolSize: 2 });
  try {
    await server.migrate();
    const versions = await fill(server);
    report(`PostgreSQL (${versions} versions)`, versions, await measure(server));
  } finally {
    await server.close();
  }
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
