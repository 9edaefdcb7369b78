// The reply box: a public reply to the customer or an internal note for colleagues (the note
// mode is yellow like the notes it adds). Ctrl+Enter (⌘+Enter) sends.

import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import type { Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { KbSuggestions } from "../kb/KbSuggestions.js";
import { useAddMessage } from "./ticketMutations.js";

type Mode = "reply" | "note";

export function ReplyBox({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState("");
  const addMessage = useAddMessage();
  const busy = addMessage.isPending;
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<Mode | null>(null);
  const textId = useId();
  const hintId = useId();

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === "" || busy) return;
    setError(null);
    setSent(null);
    try {
      await addMessage.mutateAsync({ number: ticket.number, kind: mode, text });
      setText("");
      setSent(mode);
    } catch (failure) {
      setError(failure);
    }
  };

  const shortcut = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send();
  };

  return (
    <form className={`reply-box mode-${mode}`} onSubmit={(event) => void send(event)} aria-label={t("reply.label")}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("reply.mode")}</legend>
        {(["reply", "note"] as const).map((value) => (
          <label key={value} className={mode === value ? "selected" : undefined}>
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {value === "reply" ? t("reply.public") : t("reply.note")}
          </label>
        ))}
      </fieldset>
      <label htmlFor={textId} className="visually-hidden">
        {mode === "reply" ? t("reply.public") : t("reply.note")}
      </label>
      <textarea
        id={textId}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={shortcut}
        placeholder={mode === "reply" ? t("reply.placeholder") : t("reply.notePlaceholder")}
        aria-describedby={hintId}
      />
      <div className="reply-actions">
        <span id={hintId} className="muted small">
          {mode === "note" ? t("reply.noteHint") : t("reply.publicHint")} · {t("reply.shortcut")}
        </span>
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ""}>
          {busy ? t("app.sending") : mode === "reply" ? t("reply.send") : t("reply.addNote")}
        </button>
      </div>
      {mode === "reply" && (
        <KbSuggestions number={ticket.number} onInsert={(inserted) => setText((current) => (current.trim() === "" ? inserted : `${current}\n\n${inserted}`))} />
      )}
      {error !== null && <ErrorNotice error={error} />}
      <p className="visually-hidden" role="status">
        {sent === "reply" ? t("reply.sent") : sent === "note" ? t("reply.noteAdded") : ""}
      </p>
    </form>
  );
}
