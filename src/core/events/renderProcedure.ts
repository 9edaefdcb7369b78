// A `procedure` event in the reader's language: "Procedure “Internet outage”: 2 of 4 steps done",
// a line per step ticked or unticked and per piece of information collected or cleared.

import type { ProcedureEventData } from "../procedure/progress.js";
import type { RenderContext } from "./renderContext.js";

export function renderProcedure(context: RenderContext, data: ProcedureEventData): { title: string; details: string[]; why: string | null } {
  const { t } = context;
  const { locale } = context;
  const label = (words: ProcedureEventData["names"]) => words[locale] ?? words.en;
  return {
    title: t("procedure.event.title", { name: label(data.names), done: data.done, steps: data.steps }),
    details: [
      ...data.ticked.map((w) => t("procedure.event.ticked", { label: label(w) })),
      ...data.unticked.map((w) => t("procedure.event.unticked", { label: label(w) })),
      ...data.filled.map((w) => t("procedure.event.filled", { label: label(w) })),
      ...data.cleared.map((w) => t("procedure.event.cleared", { label: label(w) })),
    ],
    why: data.missing > 0 ? t("procedure.event.missing", { missing: data.missing }) : null,
  };
}

/** The English sentence kept in the row's `reason`. */
export function procedureReason(data: ProcedureEventData): string {
  const missing = data.missing > 0 ? `; ${data.missing} required field(s) missing` : "";
  return `Procedure "${data.names.en}": ${data.done} of ${data.steps} steps done${missing}`;
}
