// The dry run in words: what matched and why, what would change, and whether a save needs a
// second thought (a rule that would act on many of the latest tickets).

import type { MatchedPredicate } from "../../core/rules/rule.js";
import type { RuleDryRun } from "../api/rules.js";
import { fieldSpec } from "./ruleFields.js";
import { fieldLabel, predicateText, valueLabel, type SummaryWords } from "./ruleSummary.js";

/** From this many matching tickets, saving an enabled rule asks first. */
export const MANY_MATCHES = 10;

/** Whether the dry run shows the rule acting on many tickets: at least {@link MANY_MATCHES}, or half of a small sample. */
export function matchesMany(result: RuleDryRun): boolean {
  const tickets = new Set(result.matched.map((match) => match.ticketNumber)).size;
  return tickets >= MANY_MATCHES || (result.examined > 0 && tickets >= 2 && tickets * 2 >= result.examined);
}

/** A condition that held, with the words found when the operator looks for words. */
export function matchedText(matched: MatchedPredicate & { negated?: boolean }, words: SummaryWords): string {
  const text = predicateText({ field: matched.field, op: matched.op, value: matched.value }, words);
  // Under a `not`: the comparison that failed is why the negation held.
  if (matched.negated) return words.t("rules.dryRun.negated", { condition: text });
  if (matched.found && matched.found.length > 0) {
    const found = new Intl.ListFormat(words.locale, { type: "conjunction" }).format(matched.found.map((word) => words.t("rules.quoted", { text: word })));
    return words.t("rules.dryRun.found", { condition: text, found });
  }
  return text;
}

const CHANGE_FIELDS: Record<string, string> = { teamId: "ticket.teamId", assigneeId: "ticket.assigneeId", productId: "ticket.productId" };

function changeValue(field: string, value: unknown, words: SummaryWords): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(String).join(", ");
  const path = CHANGE_FIELDS[field] ?? `ticket.${field}`;
  const spec = fieldSpec(path);
  if (spec.kind === "text") return typeof value === "string" ? value : JSON.stringify(value);
  return valueLabel(path, value, words);
}

/** One change the actions would make: "Priority: Normal → Urgent". */
export function changeText(field: string, [before, after]: [unknown, unknown], words: SummaryWords): string {
  const name = fieldLabel(CHANGE_FIELDS[field] ?? `ticket.${field}`, words);
  return words.t("rules.dryRun.change", { field: name, before: changeValue(field, before, words), after: changeValue(field, after, words) });
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
};

/**
 * What else an action would do, in the reader's language, from the dry run's effect: its type and
 * its data (recipients as `agent:<id>`, `team:<id>` or a role, a note's text, a reply's language
 * and template, a webhook's address, a policy's id).
 */
export function effectText(effect: { type: string; summary: string }, words: SummaryWords): string {
  const { t, tx } = words;
  const list = (items: string[]) => new Intl.ListFormat(words.locale, { type: "conjunction" }).format(items);
  switch (effect.type) {
    case "notify": {
      const who = effect.summary
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map((part) =>
          part.startsWith("agent:")
            ? (words.agentName(part.slice(6)) ?? t("matrix.recipient.someAgent"))
            : part.startsWith("team:")
              ? t("matrix.recipient.teamNamed", { name: words.teamName(part.slice(5)) ?? "…" })
              : tx(`matrix.recipient.${part}.text`, part),
        );
      return who.length === 0 ? t("rules.do.notifyNobody") : t("rules.do.notify", { who: list(who) });
    }
    case "note":
      return t("rules.dryRun.effect.note", { text: effect.summary });
    case "reply": {
      const cut = effect.summary.indexOf(":");
      const language = cut > 0 ? effect.summary.slice(0, cut) : "";
      return t("rules.dryRun.effect.reply", { language: tx(`language.${language}`, language), text: effect.summary.slice(cut + 1).trim() });
    }
    case "webhook":
      return t("rules.do.webhook", { host: hostOf(effect.summary) });
    case "apply_policy":
      return t("rules.do.apply_policy", { policy: words.policyName?.(effect.summary) ?? "…" });
    case "add_followers":
      return t("rules.do.add_followers");
    case "route":
      return t("rules.do.route");
    default:
      return effect.summary;
  }
}
