// A new request: a subject and a message, sent from the web. The team triages it: priority,
// product, team and the rest are staff's to set (the API refuses them from a customer).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { openRequest, portalKeys } from "./portalApi.js";

/** What the request screen shows once, right after the request was opened. */
export interface OpenedState {
  opened: true;
}

export function NewRequest() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState("");
  // One key per form: a retried send cannot open the request twice.
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const subjectId = useId();
  const subjectHintId = useId();
  const messageId = useId();

  const open = useMutation({
    mutationFn: () => openRequest(subject.trim(), message, idempotencyKey.current),
    onSuccess: async (request) => {
      queryClient.setQueryData(portalKeys.request(request.number), request);
      await queryClient.invalidateQueries({ queryKey: portalKeys.requests });
      const state: OpenedState = { opened: true };
      await navigate(`/portal/requests/${request.number}`, { state });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (subject.trim() === "" || message.trim() === "" || open.isPending) return;
    open.mutate();
  };

  return (
    <section className="portal-page portal-new">
      <PageTitle title={t("portal.newRequest")} />
      <p className="muted">{t("portal.new.intro")}</p>
      <form onSubmit={submit} className="portal-form">
        <div className="field">
          <label htmlFor={subjectId}>{t("portal.new.subject")}</label>
          <input
            id={subjectId}
            name="subject"
            required
            maxLength={500}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            aria-describedby={subjectHintId}
          />
          <p id={subjectHintId} className="muted small">
            {t("portal.new.subjectHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={messageId}>{t("portal.new.message")}</label>
          <textarea id={messageId} name="message" rows={8} required value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
        {open.isError && <ErrorNotice error={open.error} />}
        <div className="portal-form-actions">
          <button type="submit" className="button button-primary" disabled={open.isPending}>
            {open.isPending ? t("portal.new.sending") : t("portal.new.submit")}
          </button>
          <Link to="/portal" className="button button-quiet">
            {t("portal.new.cancel")}
          </Link>
        </div>
      </form>
    </section>
  );
}
