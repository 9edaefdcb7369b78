// What a rule's decision records on the ticket: which rule (its name as it was), on which
// trigger, the comparisons that held, and what its actions did; when a chain of rules was cut
// short; and the triage signals read in a customer message.

import type { MatchedPredicate, RuleTrigger } from "../rules/rule.js";
import type { Language } from "../ticket/ticket.js";
import type { TriageSignals } from "../triage/signals.js";
import type { ActionSkip, StepOutcome } from "./escalationData.js";

/** The data of a `rule` event: one rule matched one event of the ticket and ran its actions. */
export interface RuleEventData {
  ruleId: string;
  /** The rule's name when it matched. */
  ruleName: string;
  trigger: RuleTrigger;
  /** The comparisons that held, in the order the rule lists them. */
  matched: MatchedPredicate[];
  outcomes: StepOutcome[];
  skips?: ActionSkip[];
  /** 0 for the event itself; n for the n-th round of rules set off by rules' changes. */
  depth: number;
  /** The rule stops the rules after it for this event. */
  stopped?: true;
}

/** The data of a `rule_limit` event: rules' changes set off rules `limit` deep, and Palier stopped the chain. */
export interface RuleLimitData {
  limit: number;
  /** The rules whose changes would have set off another round, names as they were. */
  rules: { ruleId: string; ruleName: string }[];
}

/** The data of a `triage` event: what Palier read in a customer message (written when it reads frustrated or raises alarms). */
export interface TriageEventData {
  messageId: string;
  signals: TriageSignals;
  /** The frustration threshold in force. */
  threshold: number;
  /** The ticket had no language and took the one detected. */
  languageSet?: Language;
}
