// A required procedure before an escalation: escalating a ticket whose required procedure still
// misses required information is refused, naming the procedure and what is missing in the
// reader's language. Procedures not marked required only warn, in the escalate dialog.

import type { EscalationProblem } from "../escalation/escalationInvalid.js";
import { LOCALES } from "../i18n/locale.js";
import type { ProcedureField, Words } from "./procedure.js";

/** One `procedure_incomplete` problem per required procedure with fields missing, at the path `procedure`. */
export function incompleteProcedureProblems(incomplete: readonly { procedure: { names: Words }; missing: readonly ProcedureField[] }[]): EscalationProblem[] {
  return incomplete
    .filter((p) => p.missing.length > 0)
    .map(({ procedure, missing }) => {
      const params: Record<string, string> = {};
      for (const locale of LOCALES) {
        params[`procedure.${locale}`] = procedure.names[locale];
        params[`fields.${locale}`] = missing.map((f) => f.label[locale]).join(", ");
      }
      return { path: "procedure", code: "procedure_incomplete", params };
    });
}
