// The ticket's SLA panel: one card per clock (first response, next response, resolution) with
// its state, due time and a live countdown from the server's instants, and its escalation steps.

import type { TicketClock } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { clockStatus, type ClockTone } from "../sla/clockStatus.js";
import { formatDuration } from "../sla/duration.js";
import { useServerNow } from "../sla/useServerNow.js";
import { useClocks } from "./useClocks.js";

const ORDER = ["first_response", "next_response", "resolution"] as const;

/** The latest cycle of each target, in the order first response, next response, resolution. */
export function cardsOf(clocks: readonly TicketClock[]): TicketClock[] {
  return ORDER.flatMap((target) => {
    const cycles = clocks.filter((clock) => clock.target === target).sort((a, b) => b.cycle - a.cycle);
    return cycles.slice(0, 1);
  });
}

export function SlaPanel({ number }: { number: number }) {
  const { t } = useI18n();
  const clocks = useClocks(number);
  const cards = clocks.items ? cardsOf(clocks.items) : [];
  const ticking = cards.some((clock) => clock.state === "running");
  const now = useServerNow(clocks.offsetMs, ticking, 1_000, clocks.readAt);
  const policy = cards.find((clock) => clock.policyName)?.policyName;
  return (
    <section className="panel sla-panel" aria-labelledby="sla-title">
      <h2 id="sla-title">{t("sla.panelTitle")}</h2>
      {policy && <p className="muted small sla-policy">{t("sla.policyLine", { name: policy })}</p>}
      {clocks.error !== null && <ErrorNotice error={clocks.error} />}
      {clocks.items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : cards.length === 0 ? (
        clocks.error === null && <p className="muted">{t("sla.noClocks")}</p>
      ) : (
        <ul className="sla-cards">
          {cards.map((clock) => (
            <ClockCard key={`${clock.target}-${clock.cycle}`} clock={clock} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

const ICONS: Record<ClockTone, string> = { ok: "◷", soon: "◷", breached: "!", paused: "⏸", met: "✓", metLate: "✓", cancelled: "–" };

function ClockCard({ clock, now }: { clock: TicketClock; now: number }) {
  const { t, locale, formatDateTime } = useI18n();
  const status = clockStatus(clock, now);
  const time = status.seconds === null ? "" : formatDuration(status.seconds, locale);
  const line: Record<ClockTone, string> = {
    ok: t("sla.dueIn", { time }),
    soon: t("sla.dueIn", { time }),
    breached: t("sla.overdueBy", { time }),
    paused: status.seconds === null ? t("sla.pausedShort") : t("sla.pausedLeft", { time }),
    met: t("sla.metInTime"),
    metLate: t("sla.metLate", { time }),
    cancelled: t("sla.cancelledLine"),
  };
  const title =
    clock.target === "next_response" && clock.cycle > 1
      ? t("sla.targetCycle", { target: t(`sla.target.${clock.target}`), cycle: clock.cycle })
      : t(`sla.target.${clock.target}`);
  return (
    <li className={`sla-card tone-${status.tone}`} data-target={clock.target} data-tone={status.tone}>
      <div className="sla-card-head">
        <span className="sla-icon" aria-hidden="true">
          {ICONS[status.tone]}
        </span>
        <h3>{title}</h3>
        <span className="sla-state">{t(`sla.state.${clock.state}`)}</span>
      </div>
      <p className="sla-countdown" role="timer" aria-live="off">
        {line[status.tone]}
      </p>
      {clock.dueAt && (
        <p className="muted small">
          {clock.state === "met" && clock.stoppedAt
            ? t("sla.metAt", { when: formatDateTime(clock.stoppedAt), due: formatDateTime(clock.dueAt) })
            : t("sla.dueAt", { when: formatDateTime(clock.dueAt) })}
        </p>
      )}
      {clock.timers.length > 0 && <TimerList clock={clock} />}
    </li>
  );
}

function TimerList({ clock }: { clock: TicketClock }) {
  const { t, tn, formatDateTime, formatNumber } = useI18n();
  const timers = [...clock.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <details className="sla-timers">
      <summary>{tn("sla.stepCount", timers.length)}</summary>
      <ol>
        {timers.map((timer) => (
          <li key={timer.stepId} data-state={timer.state}>
            <strong>{timer.kind === "reminder" ? t("sla.reminder") : t("sla.level", { level: timer.level })}</strong>{" "}
            <span className="muted">
              {timer.state === "fired" && timer.firedAt
                ? t("sla.timerFired", { when: formatDateTime(timer.firedAt), lag: formatNumber(timer.lagMs ?? 0) })
                : timer.state === "cancelled"
                  ? t("sla.timerCancelled", { when: formatDateTime(timer.dueAt) })
                  : t("sla.timerPending", { when: formatDateTime(timer.dueAt) })}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
