// What is wrong with an escalation, a bounce or a root cause: every problem with its field's path
// and a stable code, said in the reader's language from the catalogue's `escalation` namespace.

import { isMessageKey, type Locale, type MessageKey, translate } from "../i18n/index.js";

/** The problems an escalation request, a decision on one or a root cause can have. */
export type EscalationProblemCode =
  | "required"
  | "not_allowed_value"
  | "unknown_team"
  | "unknown_agent"
  | "inactive_agent"
  | "not_a_lead"
  | "already_there"
  | "wrong_date"
  | "tried_nothing"
  | "root_cause_required"
  | "not_positive"
  | "wrong_currency"
  | "out_of_range"
  | "other_required"
  | "procedure_incomplete"
  | "too_long"
  | "too_many"
  | "ticket_closed"
  | "internal_only"
  | "mention_required"
  | "duplicate_code"
  | "wrong_format"
  | "already_yours";

/** One problem: where (a dotted path such as `handoff.tried`), what (a code and the values its sentence needs). */
export interface EscalationProblem {
  path: string;
  code: EscalationProblemCode;
  params?: Record<string, string | number>;
}

/**
 * The problem alone in `locale`: "is required", "is not a lead or a manager". A value that reads
 * differently per language (a procedure's name) comes as `name.<locale>`, one per language.
 */
export function problemMessage(locale: Locale, problem: EscalationProblem): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    const dot = name.lastIndexOf(".");
    if (dot < 0) values[name] ??= value;
    else if (name.slice(dot + 1) === locale) values[name.slice(0, dot)] = value;
  }
  return translate(locale, `escalation.problem.${problem.code}` as MessageKey, values);
}

/** The field of `path` in `locale`'s words: `handoff.tried` reads "What was already tried". */
export function problemField(locale: Locale, path: string): string {
  const key = `escalation.field.${path}`;
  if (isMessageKey(key)) return translate(locale, key);
  // One item of a list: `rootCauses[2].labels.nl` reads "Root cause 3, label in Dutch", `mentions[0]` "Mention 1".
  const item = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  const itemKey = item ? `escalation.field.item.${item[1]}.${item[3] ? item[3].replace(/\./g, "_") : "self"}` : "";
  return item && isMessageKey(itemKey) ? translate(locale, itemKey, { position: Number(item[2]) + 1 }) : path;
}

/** An escalation that cannot be made as asked; `problems` names every problem found, in order. */
export class EscalationInvalid extends Error {
  constructor(readonly problems: readonly EscalationProblem[]) {
    super(problems.map((p) => `${p.path}: ${problemMessage("en", p)}`).join("; "));
    this.name = "EscalationInvalid";
  }
}

/** The escalation does not exist (or is not the ticket's): the HTTP edge answers 404. */
export class EscalationNotFound extends Error {
  constructor(readonly id: string) {
    super(`escalation ${id} does not exist`);
    this.name = "EscalationNotFound";
  }
}

/** The escalation is not in a state that allows the decision (accepting one already bounced): 409. */
export class EscalationStateError extends Error {
  constructor(
    readonly id: string,
    readonly status: string,
    readonly wanted: string,
  ) {
    super(`escalation ${id} is ${status}: it cannot be ${wanted}`);
    this.name = "EscalationStateError";
  }
}

/** The ticket already has an open or accepted escalation: one at a time (409). */
export class AlreadyEscalated extends Error {
  constructor(
    readonly ticketNumber: number,
    readonly escalationId: string,
  ) {
    super(`ticket #${ticketNumber} is already escalated (escalation ${escalationId}): it must be accepted and solved, or sent back, first`);
    this.name = "AlreadyEscalated";
  }
}

/** Only the manager asked, or one whose own limit covers the amount, decides on an approval (403). */
export class NotTheApprover extends Error {
  constructor(readonly approvalId: string) {
    super(`approval ${approvalId} is not yours to decide on: it is beyond your authority or asked of another manager`);
    this.name = "NotTheApprover";
  }
}

/** Only the receiver of an escalation (the person named, a member of the team) or a manager decides on it (403). */
export class NotTheReceiver extends Error {
  constructor(readonly escalationId: string) {
    super(`escalation ${escalationId} is not yours to decide on: it was handed to another person or team`);
    this.name = "NotTheReceiver";
  }
}
