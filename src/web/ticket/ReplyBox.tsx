// The reply box: a public reply to the customer or an internal note for colleagues (the note
// mode is yellow like the notes it adds). In a note, `@` offers the workspace's agents, and a lead
// or manager may send the note as a reply suggested to those it mentions. Ctrl+Enter (⌘+Enter) sends.

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { canSupervise } from "../../core/escalation/supervision.js";
import type { Agent, Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { KbSuggestions } from "../kb/KbSuggestions.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { insertMention, matchAgents, mentionAt, mentionsIn } from "./mentionDraft.js";
import { useAddMessage } from "./ticketMutations.js";

type Mode = "reply" | "note";

/** Text put into the reply composer from elsewhere (a suggested reply used); `at` tells one use from the next. */
export interface ReplyDraft {
  text: string;
  at: number;
}

export function ReplyBox({ ticket, draft }: { ticket: Ticket; draft?: ReplyDraft | null }) {
  const { t } = useI18n();
  const { agents } = useDirectory();
  const me = usePrincipal();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<Agent[]>([]);
  const [suggestion, setSuggestion] = useState(false);
  const [mention, setMention] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const addMessage = useAddMessage();
  const busy = addMessage.isPending;
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<Mode | null>(null);
  const textId = useId();
  const hintId = useId();
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);

  // A suggested reply used: the composer switches to a public reply holding its text (state adjusted while rendering, not in an effect).
  const [usedDraft, setUsedDraft] = useState<ReplyDraft | null | undefined>(draft);
  if (draft && draft !== usedDraft) {
    setUsedDraft(draft);
    setMode("reply");
    setText(draft.text);
  }
  useEffect(() => {
    if (draft) area.current?.focus();
  }, [draft]);

  const mentioned = mode === "note" ? mentionsIn(text, chosen) : [];
  const maySuggest = me.kind === "agent" && canSupervise(me.role) && mentioned.length > 0;
  const matches = mode === "note" && mention ? matchAgents(agents, mention.query) : [];

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === "" || busy) return;
    setError(null);
    setSent(null);
    try {
      await addMessage.mutateAsync({ number: ticket.number, kind: mode, text, mentions: mentioned, suggestion: maySuggest && suggestion });
      setText("");
      setChosen([]);
      setSuggestion(false);
      setSent(mode);
    } catch (failure) {
      setError(failure);
    }
  };

  const typed = (value: string, caret: number) => {
    setText(value);
    const found = mode === "note" ? mentionAt(value, caret) : null;
    setMention(found ? { ...found, caret } : null);
    setActive(0);
  };

  const choose = (agent: Agent) => {
    if (!mention) return;
    const next = insertMention(text, mention.start, mention.caret, agent.name);
    setText(next.text);
    setChosen((before) => (before.some((a) => a.id === agent.id) ? before : [...before, agent]));
    setMention(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const keys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((i) => (i + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const agent = matches[active];
        if (agent) {
          event.preventDefault();
          choose(agent);
          return;
        }
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send();
  };

  return (
    <form className={`reply-box mode-${mode}`} onSubmit={(event) => void send(event)} aria-label={t("reply.label")}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("reply.mode")}</legend>
        {(["reply", "note"] as const).map((value) => (
          <label key={value} className={mode === value ? "selected" : undefined}>
            <input
              type="radio"
              name="mode"
              value={value}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                setMention(null);
              }}
            />
            {value === "reply" ? t("reply.public") : t("reply.note")}
          </label>
        ))}
      </fieldset>
      <label htmlFor={textId} className="visually-hidden">
        {mode === "reply" ? t("reply.public") : t("reply.note")}
      </label>
      <div className="mention-anchor">
        <textarea
          id={textId}
          ref={area}
          rows={5}
          value={text}
          onChange={(e) => typed(e.target.value, e.target.selectionStart)}
          onKeyDown={keys}
          onBlur={() => setMention(null)}
          placeholder={mode === "reply" ? t("reply.placeholder") : t("reply.notePlaceholder")}
          aria-describedby={hintId}
          aria-autocomplete={mode === "note" ? "list" : undefined}
          aria-controls={matches.length > 0 ? listId : undefined}
          aria-expanded={mode === "note" ? matches.length > 0 : undefined}
          aria-activedescendant={matches.length > 0 ? `${listId}-${active}` : undefined}
          role={mode === "note" ? "combobox" : undefined}
        />
        {matches.length > 0 && (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t("reply.mentionList")}>
            {matches.map((agent, i) => (
              <li
                key={agent.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                // Before the textarea's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(agent);
                }}
              >
                {agent.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {mode === "note" && mentioned.length > 0 && (
        <p className="muted small mentioned">
          {t("reply.willTell", {
            names: chosen
              .filter((a) => mentioned.includes(a.id))
              .map((a) => a.name)
              .join(", "),
          })}
        </p>
      )}
      {maySuggest && (
        <label className="checkbox suggestion-toggle">
          <input type="checkbox" name="suggestion" checked={suggestion} onChange={(e) => setSuggestion(e.target.checked)} />
          {t("reply.asSuggestion")}
        </label>
      )}
      <div className="reply-actions">
        <span id={hintId} className="muted small">
          {mode === "note" ? t("reply.noteHint") : t("reply.publicHint")} · {t("reply.shortcut")}
        </span>
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ""}>
          {busy ? t("app.sending") : mode === "reply" ? t("reply.send") : maySuggest && suggestion ? t("reply.suggest") : t("reply.addNote")}
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
