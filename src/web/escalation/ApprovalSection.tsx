// A ticket's approvals inside its escalation panel: those asked so far with their status, and a
// short form to ask for a refund or a goodwill gesture (granted at once within one's limit,
// otherwise asked of a manager).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { request } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { translate } from "../../core/i18n/index.js";

interface Approval {
  id: string;
  kind: "refund" | "goodwill";
  amountCents: number;
  currency: string;
  reason: string;
  status: "pending" | "approved" | "declined";
}

export function ApprovalSection({ number, readOnly }: { number: number; readOnly: boolean }) {
  const { t, locale } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const key = [...queryKeys.ticket(number), "approvals"];
  const approvals = useQuery({ queryKey: key, queryFn: async () => (await request<{ items: Approval[] }>("GET", `/tickets/${number}/approvals`)).data.items });
  const [kind, setKind] = useState<Approval["kind"]>("goodwill");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const ask = useMutation({
    mutationFn: async () =>
      (
        await request<Approval>("POST", `/tickets/${number}/approvals`, {
          body: { kind, amountCents: Math.round(Number(amount.replace(",", ".")) * 100), reason },
        })
      ).data,
    onSuccess: () => {
      setAmount("");
      setReason("");
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketEvents(number) });
    },
  });
  const money = (a: Approval) => new Intl.NumberFormat(locale, { style: "currency", currency: a.currency }).format(a.amountCents / 100);
  const kindWord = (k: string) => translate(locale, `escalation.approvalKind.${k as "refund"}`);

  return (
    <details className="approvals">
      <summary>{t("escalation.approval.title")}</summary>
      <ul>
        {(approvals.data ?? []).map((a) => (
          <li key={a.id} data-status={a.status}>
            {kindWord(a.kind)} · {money(a)} · {translate(locale, `escalation.approvalStatus.${a.status}`)} — {a.reason}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            ask.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("escalation.kind")}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Approval["kind"])}>
              <option value="goodwill">{kindWord("goodwill")}</option>
              <option value="refund">{kindWord("refund")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-amount`}>{t("escalation.approval.amount")}</label>
            <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("escalation.approval.reason")}</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          {ask.error !== null && <ErrorNotice error={ask.error} />}
          <button type="submit" className="button" disabled={ask.isPending}>
            {t("escalation.approval.ask")}
          </button>
        </form>
      )}
    </details>
  );
}
