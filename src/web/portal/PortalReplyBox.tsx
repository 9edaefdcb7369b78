// The customer's reply on a request. Replying to a solved request reopens it (the API does so
// for any customer message), and the box says so before and after sending.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { portalKeys, replyTo, type PortalRequest } from "./portalApi.js";
import { replyReopens } from "./portalStatus.js";

export function PortalReplyBox({ request }: { request: PortalRequest }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [sent, setSent] = useState<"sent" | "reopened" | null>(null);
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const textId = useId();
  const hintId = useId();
  const reopens = replyReopens(request.status);

  const reply = useMutation({
    mutationFn: (body: string) => replyTo(request.number, body, idempotencyKey.current),
    onSuccess: async (updated) => {
      idempotencyKey.current = crypto.randomUUID();
      setText("");
      setSent(replyReopens(request.status) && !replyReopens(updated.status) ? "reopened" : "sent");
      queryClient.setQueryData(portalKeys.request(request.number), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portalKeys.messages(request.number) }),
        queryClient.invalidateQueries({ queryKey: portalKeys.requests }),
      ]);
    },
  });

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === "" || reply.isPending) return;
    setSent(null);
    reply.mutate(text);
  };

  return (
    <form className="portal-reply" onSubmit={send}>
      <label htmlFor={textId}>{reopens ? t("portal.reply.labelSolved") : t("portal.reply.label")}</label>
      <textarea id={textId} rows={5} value={text} required onChange={(e) => setText(e.target.value)} aria-describedby={hintId} />
      <div className="portal-reply-actions">
        <span id={hintId} className="muted small">
          {reopens ? t("portal.reply.hintSolved") : t("portal.reply.hint")}
        </span>
        <button type="submit" className="button button-primary" disabled={reply.isPending || text.trim() === ""}>
          {reply.isPending ? t("portal.reply.sending") : t("portal.reply.send")}
        </button>
      </div>
      {reply.isError && <ErrorNotice error={reply.error} />}
      <p className={sent ? "notice notice-success" : "visually-hidden"} role="status">
        {sent === "reopened" ? t("portal.reply.reopened") : sent === "sent" ? t("portal.reply.sent") : ""}
      </p>
    </form>
  );
}
