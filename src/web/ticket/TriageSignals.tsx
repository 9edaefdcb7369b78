// What triage read on a ticket, for staff: chips for a frustrated customer and each alarm kind
// (the ticket's head, the inbox's rows), the ticket's panel with its frustration score, and under
// each customer message its own signals with the reasons behind them.

import type { AlarmKind, TriageSignals } from "../../core/triage/signals.js";
import type { Message, Ticket } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { messageTriage, reasonText, ticketTriage } from "./triageView.js";
import "./triage.css";

function AlarmChip({ kind, phrase }: { kind: AlarmKind; phrase?: string }) {
  const { t, tx } = useI18n();
  const name = tx(`triage.alarm.${kind}`, kind);
  return (
    <span className={`alarm-chip alarm-${kind}`} data-alarm={kind} title={phrase ? t("rules.quoted", { text: phrase }) : undefined}>
      {phrase ? t("triage.alarmPhrase", { kind: name, phrase }) : t("triage.alarmChip", { kind: name })}
    </span>
  );
}

/** A frustrated chip and one chip per alarm kind; nothing when there is no signal. */
export function TriageChips({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const triage = ticketTriage(ticket);
  if (!triage.frustrated && triage.alarms.length === 0) return null;
  return (
    <span className="triage-chips" role="group" aria-label={t("triage.chipsLabel")} data-testid="triage-chips">
      {triage.frustrated && (
        <span className="frustrated-chip" data-frustrated="true">
          {t("triage.frustratedChip")}
        </span>
      )}
      {triage.alarms.map((kind) => (
        <AlarmChip key={kind} kind={kind} />
      ))}
    </span>
  );
}

/** The ticket's panel: its frustration score, its alarms, and why, from the latest customer message read. */
export function TriagePanel({ ticket, messages }: { ticket: Ticket; messages: Message[] | null }) {
  const { t, formatNumber } = useI18n();
  const triage = ticketTriage(ticket);
  const latest = [...(messages ?? [])].reverse().find((message) => message.kind === "customer" && messageTriage(message) !== null);
  const signals = latest ? messageTriage(latest) : null;
  return (
    <section className="panel triage-panel" aria-labelledby="triage-title">
      <h2 id="triage-title">{t("triage.title")}</h2>
      {triage.frustration === null && signals === null ? (
        <p className="muted small">{t("triage.noSignals")}</p>
      ) : (
        <>
          <p className="triage-score">
            <span id="triage-score-label">{t("triage.frustration")}</span>
            <span>
              {formatNumber(triage.frustration ?? signals?.frustration ?? 0)} · {triage.frustrated ? t("triage.frustratedChip") : t("triage.calm")}
            </span>
          </p>
          <meter
            aria-labelledby="triage-score-label"
            min={0}
            max={1}
            low={0.3}
            high={0.5}
            optimum={0}
            value={triage.frustration ?? signals?.frustration ?? 0}
          />
          {signals && <Reasons signals={signals} />}
        </>
      )}
    </section>
  );
}

function Reasons({ signals }: { signals: TriageSignals }) {
  const { t, tx, locale } = useI18n();
  const lines = [
    ...(signals.language !== "unknown" ? [t("triage.languageLine", { language: tx(`language.${signals.language}`, signals.language) })] : []),
    ...signals.reasons.map((reason) => reasonText(reason, locale)),
  ];
  return (
    <>
      {signals.alarms.length > 0 && (
        <span className="triage-chips">
          {signals.alarms.map((alarm) => (
            <AlarmChip key={`${alarm.kind}-${alarm.phrase}`} kind={alarm.kind} phrase={alarm.phrase} />
          ))}
        </span>
      )}
      {signals.reasons.length === 0 && <p className="muted small">{t("triage.noReason")}</p>}
      <ul className="triage-reasons">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/** Under a customer message: its signals in one line, the reasons on demand. */
export function MessageTriage({ message }: { message: Message }) {
  const { t, formatNumber } = useI18n();
  const signals = messageTriage(message);
  if (message.kind !== "customer" || signals === null) return null;
  return (
    <details className="message-triage" data-testid="message-triage">
      <summary>
        <span className="muted">{t("triage.messageLine", { score: formatNumber(signals.frustration) })}</span>
        {signals.frustrated && <span className="frustrated-chip">{t("triage.frustratedChip")}</span>}
        {signals.alarms.map((alarm) => (
          <AlarmChip key={`${alarm.kind}-${alarm.phrase}`} kind={alarm.kind} />
        ))}
      </summary>
      <Reasons signals={{ ...signals, alarms: signals.alarms }} />
    </details>
  );
}
