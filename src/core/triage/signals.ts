// The triage signals Palier reads in every customer message: its language, how frustrated its
// writer sounds and why, and the alarm words it holds. Each signal carries its reasons as data,
// rendered in the reader's language; rules read the signals as conditions.

import type { Channel, Language } from "../ticket/ticket.js";

/** What an alarm is about: a lawyer, leaving, money, an outage, or the good news of a sale. */
export const ALARM_KINDS = ["legal", "churn", "money", "outage", "sales"] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** A detected language, or `unknown` when the text says too little. */
export type DetectedLanguage = Language | "unknown";

/** One alarm found: its kind and the configured phrase that matched (as configured, not as written). */
export interface Alarm {
  kind: AlarmKind;
  phrase: string;
}

/**
 * Why the frustration score is what it is, one cue at a time. `phrase` is the text's own words
 * (folded: lower case, no accents) so that the reader sees what was read.
 */
export type FrustrationReason =
  | { kind: "word"; phrase: string; weight: number }
  | { kind: "negated"; phrase: string }
  | { kind: "capitals"; share: number }
  | { kind: "exclamations"; count: number }
  | { kind: "waiting"; phrase: string }
  | { kind: "repeat_contact"; count: number; days: number };

/** Every signal of one message. */
export interface TriageSignals {
  language: DetectedLanguage;
  /** 0 (calm) to 1 (furious), rounded to two decimals. */
  frustration: number;
  /** Whether `frustration` reaches the threshold in force. */
  frustrated: boolean;
  alarms: Alarm[];
  reasons: FrustrationReason[];
}

/** One message to triage; `recentContacts`: the customer's other contacts within `REPEAT_CONTACT_DAYS`. */
export interface TriageInput {
  text: string;
  subject?: string;
  channel?: Channel;
  recentContacts?: number;
}

/** Alarm phrases by kind and language; a workspace's own list replaces the defaults of its kind and language. */
export type AlarmLexicon = { readonly [K in AlarmKind]: { readonly [L in Language]: readonly string[] } };

/** The product's default frustration threshold. */
export const FRUSTRATION_THRESHOLD = 0.5;

/** The window, in days, in which a customer's earlier contacts count as repeated. */
export const REPEAT_CONTACT_DAYS = 7;
