// One escalation-matrix step in one readable line: when it fires relative to the due time and
// what it does ("+1h after due: notify the assignee's manager"), in the UI's language.

import type { MatrixStep, Recipient, StepAction } from "../api/slaTypes.js";
import type { Locale, MessageKey, Params } from "../i18n/messages.js";
import { formatMinutes } from "./duration.js";

export interface SummaryWords {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  agentName(id: string | undefined): string | undefined;
  teamName(id: string | undefined): string | undefined;
}

function list(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

export function recipientText(recipient: Recipient, words: SummaryWords): string {
  const { t } = words;
  switch (recipient.kind) {
    case "agent":
      return words.agentName(recipient.agentId) ?? t("matrix.recipient.someAgent");
    case "team":
      return t("matrix.recipient.teamNamed", { name: words.teamName(recipient.teamId) ?? "?" });
    case "on_call":
      return t("matrix.recipient.on_call.text");
    default:
      return t(`matrix.recipient.${recipient.kind}.text`);
  }
}

function actionText(action: StepAction, recipients: string, words: SummaryWords): string {
  const { t } = words;
  switch (action.type) {
    case "notify":
      return recipients === "" ? t("matrix.summary.notifyNobody") : t("matrix.summary.notify", { who: recipients });
    case "reassign": {
      const who = action.agentId ? words.agentName(action.agentId) : action.teamId ? words.teamName(action.teamId) : undefined;
      return who ? t("matrix.summary.reassignTo", { who }) : t("matrix.summary.reassign");
    }
    case "raise_priority":
      return action.to ? t("matrix.summary.raiseTo", { priority: t(`priority.${action.to}`) }) : t("matrix.summary.raise");
    case "set_tier":
      return t("matrix.summary.setTier", { tier: action.tier });
    case "add_followers":
      return t("matrix.summary.addFollowers");
    case "add_note":
      return t("matrix.summary.addNote");
    case "webhook": {
      let host = action.url;
      try {
        host = new URL(action.url).host;
      } catch {
        // Not a URL yet (being typed): show it as it is.
      }
      return t("matrix.summary.webhook", { host });
    }
  }
}

/** When the step fires: "30m before due", "+1h after due", "at due", with business time said. */
export function whenText(step: Pick<MatrixStep, "kind" | "offsetMinutes" | "clock">, words: SummaryWords): string {
  const { t, locale } = words;
  const offset = formatMinutes(Math.max(0, step.offsetMinutes), locale);
  const business = step.clock === "business" ? "Business" : "";
  if (step.offsetMinutes <= 0) return t("matrix.summary.atDue");
  return step.kind === "reminder" ? t(`matrix.summary.before${business}`, { offset }) : t(`matrix.summary.after${business}`, { offset });
}

/** The whole line: when, then every action (notify first), then who it is limited to. */
export function stepSummary(step: MatrixStep, words: SummaryWords): string {
  const { t, locale } = words;
  const recipients = list(
    locale,
    step.recipients.map((r) => recipientText(r, words)),
  );
  const actions = step.actions.length > 0 ? step.actions : [{ type: "notify" } as const];
  const what = list(
    locale,
    actions.map((a) => actionText(a, recipients, words)),
  );
  const limits: string[] = [];
  if (step.targets?.length)
    limits.push(
      list(
        locale,
        step.targets.map((target) => t(`sla.target.${target}`)),
      ),
    );
  if (step.priorities?.length)
    limits.push(
      list(
        locale,
        step.priorities.map((priority) => t(`priority.${priority}`)),
      ),
    );
  let line = t("matrix.summary.line", { when: whenText(step, words), what });
  if (limits.length > 0) line += ` (${limits.join(" · ")})`;
  if (step.urgent) line += ` ${t("matrix.summary.urgent")}`;
  return line;
}
