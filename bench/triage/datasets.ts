// The labelled and unlabelled message sets the triage benchmark reads from the shared data
// directory (never copied into the repository), each row given to the development or the
// held-out half by a hash of its text.

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Language } from "../../src/core/ticket/ticket.js";
import { parseCsv } from "./csv.js";

/** Which half a row belongs to: `dev` to tune on, `held-out` to report. */
export type Split = "dev" | "held-out";

/** One message of a set: its known language, whether it is frustrated (labelled sets) and its half. */
export interface Sample {
  text: string;
  language: Language;
  frustrated?: boolean;
  split: Split;
}

/** A set: its name, what it is, and its rows. */
export interface MessageSet {
  name: string;
  language: Language;
  /** What "frustrated" means in its labels, or that it has none. */
  label: string;
  samples: Sample[];
}

/** The data directory: `TRIAGE_DATA_DIR`, else `../shared/data` from the repository root. */
export function dataDirectory(root: string): string {
  return resolve(root, process.env.TRIAGE_DATA_DIR ?? "../shared/data");
}

/** 32-bit FNV-1a of `text`: the same half for the same row on every machine and run. */
export function splitOf(text: string): Split {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 2 === 0 ? "dev" : "held-out";
}

interface SetSpec {
  name: string;
  file: string;
  language: Language;
  column: string;
  label: string;
  frustrated?: (row: Record<string, string>) => boolean;
}

const SETS: readonly SetSpec[] = [
  {
    name: "en support tweets (airlines)",
    file: "en_airline_sentiment_tweets.csv",
    language: "en",
    column: "text",
    label: "airline_sentiment = negative",
    frustrated: (row) => row.airline_sentiment === "negative",
  },
  {
    name: "fr subtitles (XED)",
    file: "xed_emotions_fr.csv",
    language: "fr",
    column: "text",
    label: "has_anger = 1",
    frustrated: (row) => row.has_anger === "1",
  },
  {
    name: "nl subtitles (XED)",
    file: "xed_emotions_nl.csv",
    language: "nl",
    column: "text",
    label: "has_anger = 1",
    frustrated: (row) => row.has_anger === "1",
  },
  {
    name: "fr TV reviews (Allociné)",
    file: "fr_allocine_tv_reviews.csv",
    language: "fr",
    column: "text",
    label: "label = 0 (negative)",
    frustrated: (row) => row.label === "0",
  },
  { name: "en support tweets (streaming, unlabelled)", file: "en_twcs_spotifycares_inbound.csv", language: "en", column: "text", label: "none" },
  { name: "en complaints (CFPB, language only)", file: "en_cfpb_complaints_issue.csv", language: "en", column: "narrative", label: "none" },
];

/** Every set, read from `directory`; throws a clear error when the directory or a file is missing. */
export function loadSets(directory: string, limit = Infinity): MessageSet[] {
  if (!existsSync(directory)) {
    throw new Error(
      `triage benchmark: no data directory at ${directory}. It reads the shared labelled sets (see their README); set TRIAGE_DATA_DIR to where they are.`,
    );
  }
  return SETS.map((spec) => {
    const path = resolve(directory, spec.file);
    if (!existsSync(path)) throw new Error(`triage benchmark: ${spec.file} is missing from ${directory}`);
    const rows = parseCsv(readFileSync(path, "utf8"));
    if (rows.length > 0 && !(spec.column in (rows[0] as Record<string, string>)))
      throw new Error(`triage benchmark: ${spec.file} has no ${spec.column} column`);
    const samples = rows
      .filter((row) => (row[spec.column] ?? "").trim() !== "")
      .slice(0, limit)
      .map((row) => {
        const text = row[spec.column] as string;
        return { text, language: spec.language, frustrated: spec.frustrated?.(row), split: splitOf(text) };
      });
    return { name: spec.name, language: spec.language, label: spec.label, samples };
  });
}
