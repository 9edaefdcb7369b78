// What saving a policy or calendar does to open tickets, in the reader's words: the lines of the
// confirm dialog from a dry run's impact, with plural rules, and each example's move.

import type { Impact, ImpactExample } from "../api/slaTypes.js";
import type { MessageKey, Params } from "../i18n/messages.js";

export interface ImpactWords {
  t(key: MessageKey, params?: Params): string;
  formatInstant(iso: string): string;
}

/** The dialog's sentences: who gets a new due time, who breaches at once, what goes out now. */
export function impactLines(impact: Impact, { t }: ImpactWords): string[] {
  if (impact.retargeted === 0 && impact.breachedNow === 0 && impact.stepsNow === 0 && impact.notificationsNow === 0) {
    return [t("sla.impact.nothing", { count: impact.openTickets })];
  }
  const lines = [t("sla.impact.retargeted", { count: impact.retargeted, open: impact.openTickets })];
  if (impact.breachedNow > 0) lines.push(t("sla.impact.breachedNow", { count: impact.breachedNow }));
  if (impact.stepsNow > 0 || impact.notificationsNow > 0)
    lines.push(t("sla.impact.sendNow", { steps: impact.stepsNow, notifications: impact.notificationsNow }));
  return lines;
}

/** "#1042 Invoice missing — First response: Dec 2, 2:00 PM (GMT+1) → Dec 3, 9:00 AM (GMT+1)". */
export function exampleLine(example: ImpactExample, { t, formatInstant }: ImpactWords): string {
  const due = (iso: string | null) => (iso === null ? t("sla.impact.noDue") : formatInstant(iso));
  return t("sla.impact.example", {
    number: example.number,
    subject: example.subject,
    clock: t(`sla.target.${example.clock}`),
    before: due(example.dueBefore),
    after: due(example.dueAfter),
  });
}
