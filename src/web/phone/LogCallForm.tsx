// "Log a call": direction, number, duration, outcome and notes, on a ticket or as a new phone
// ticket (docs/phone.md). A new ticket opens once logged; on a ticket, its views refresh.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { request } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";

const OUTCOMES = ["answered", "no_answer", "voicemail", "busy", "failed"] as const;

export function LogCallForm({ ticketNumber, onDone }: { ticketNumber?: number; onDone?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = useId();
  const [direction, setDirection] = useState<"in" | "out">(ticketNumber === undefined ? "in" : "out");
  const [number, setNumber] = useState("");
  const [minutes, setMinutes] = useState("0");
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("answered");
  const [notes, setNotes] = useState("");
  const [subject, setSubject] = useState("");
  const mutation = useMutation({
    mutationFn: async () => {
      const body = {
        direction,
        number,
        durationSeconds: outcome === "answered" || outcome === "voicemail" ? Math.round(Number(minutes || "0") * 60) : 0,
        outcome,
        ...(notes.trim() ? { notes } : {}),
        ...(ticketNumber === undefined && subject.trim() ? { subject: subject.trim() } : {}),
      };
      const path = ticketNumber === undefined ? "/calls" : `/tickets/${ticketNumber}/calls`;
      return (await request<{ ticket: { number: number } }>("POST", path, { body })).data;
    },
    onSuccess: (logged) => {
      void client.invalidateQueries();
      if (ticketNumber === undefined) navigate(`/tickets/${logged.ticket.number}`);
      else {
        setNumber("");
        setNotes("");
        onDone?.();
      }
    },
  });
  return (
    <form
      className="log-call"
      aria-label={ticketNumber === undefined ? t("phone.logCallNew") : t("phone.logCall")}
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <fieldset className="plain">
        <legend>{t("phone.direction")}</legend>
        {(["in", "out"] as const).map((value) => (
          <label key={value} className="check">
            <input type="radio" name={`${id}-direction`} value={value} checked={direction === value} onChange={() => setDirection(value)} />{" "}
            {t(`phone.${value}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-number`}>{t("phone.number")}</label>
      <input id={`${id}-number`} type="tel" required value={number} onChange={(event) => setNumber(event.target.value)} />
      <label htmlFor={`${id}-outcome`}>{t("phone.outcome")}</label>
      <select id={`${id}-outcome`} value={outcome} onChange={(event) => setOutcome(event.target.value as (typeof OUTCOMES)[number])}>
        {OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {t("phone.outcomeName", { outcome: value })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-minutes`}>{t("phone.duration")}</label>
      <input id={`${id}-minutes`} type="number" min={0} step={0.5} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      {ticketNumber === undefined && (
        <>
          <label htmlFor={`${id}-subject`}>{t("phone.subject")}</label>
          <input id={`${id}-subject`} value={subject} onChange={(event) => setSubject(event.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-notes`}>{t("phone.notes")}</label>
      <textarea id={`${id}-notes`} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
      <p>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t("phone.save")}
        </button>
      </p>
      {mutation.error && <ErrorNotice error={mutation.error} />}
    </form>
  );
}
