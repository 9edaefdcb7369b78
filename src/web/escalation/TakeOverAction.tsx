// Taking a ticket over, for team leads, managers and admins: a button that asks for confirmation
// (and an optional reason) before the ticket becomes theirs; its assignee keeps following it.

import { useId, useState } from "react";
import { canSupervise } from "../../core/escalation/supervision.js";
import type { Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { Modal } from "../components/Modal.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { useEscalationMutations } from "./escalationApi.js";

export function TakeOverAction({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { agentName } = useDirectory();
  const me = usePrincipal();
  const { takeOver } = useEscalationMutations(ticket.number);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  if (me.kind !== "agent" || !canSupervise(me.role) || ticket.status === "closed" || ticket.assigneeId === me.id) return null;
  const holder = ticket.assigneeId ? (agentName(ticket.assigneeId) ?? t("ticket.agent")) : "";
  const cancel = () => {
    setAsking(false);
    setError(null);
  };
  return (
    <div className="take-over">
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t("escalation.takeOver.button")}
      </button>
      {asking && (
        <Modal title={t("escalation.takeOver.title", { number: ticket.number })} onCancel={cancel} className="escalation-dialog">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setError(null);
              takeOver
                .mutateAsync(reason)
                .then(() => {
                  setAsking(false);
                  setReason("");
                })
                .catch((failure: unknown) => setError(failure));
            }}
          >
            <p>{t("escalation.takeOver.confirm", { name: holder, hasHolder: holder ? "yes" : "no" })}</p>
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t("escalation.takeOver.reason")}</label>
              <textarea id={`${id}-reason`} name="takeOverReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            {error !== null && <ErrorNotice error={error} />}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={cancel}>
                {t("escalation.cancel")}
              </button>
              <button type="submit" className="button button-primary" disabled={takeOver.isPending}>
                {t("escalation.takeOver.submit")}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
