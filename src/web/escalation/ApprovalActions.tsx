// Approve or decline from the notification that asks it: two buttons under the notice, then
// what was decided (or why it could not be: already decided, beyond the reader's authority).

import { useState } from "react";
import { request } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";

export function ApprovalActions({ approvalId, onDecided }: { approvalId: string; onDecided(): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ kind: "idle" } | { kind: "busy" } | { kind: "done"; status: string } | { kind: "error"; error: unknown }>({
    kind: "idle",
  });
  const decide = async (decision: "approve" | "decline") => {
    setState({ kind: "busy" });
    try {
      const answer = await request<{ status: string }>("POST", `/approvals/${approvalId}/${decision}`, { body: {} });
      setState({ kind: "done", status: answer.data.status });
      onDecided();
    } catch (error) {
      setState({ kind: "error", error });
    }
  };
  if (state.kind === "done") return <p className="small approval-decided">{t("escalation.approval.decided", { status: state.status })}</p>;
  return (
    <div className="approval-actions">
      <button type="button" className="button button-primary" disabled={state.kind === "busy"} onClick={() => void decide("approve")}>
        {t("escalation.approval.approve")}
      </button>
      <button type="button" className="button" disabled={state.kind === "busy"} onClick={() => void decide("decline")}>
        {t("escalation.approval.decline")}
      </button>
      {state.kind === "error" && <ErrorNotice error={state.error} />}
    </div>
  );
}
