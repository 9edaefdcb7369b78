// A clock's escalation steps in the SLA panel: the current plan in due order, each saying when
// it fires against the due time, whom it reaches by name and when it fired or will; the timers
// a re-plan replaced are folded apart and marked as such.

import type { Policy, TicketClock } from "../api/slaTypes.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatInstant } from "../lib/viewerTime.js";
import { formatDuration } from "../sla/duration.js";
import { stepRows, type PanelDirectory, type StepRow, type TicketHolders } from "../sla/stepTimeline.js";

/** Agents and teams as the API sends them: with a manager and a lead the app's types leave out. */
type WithManager = { name: string; managerId?: string | null };
type WithLead = { name: string; leadId?: string | null };

/** A late firing under a minute is the timer loop's normal pace, not worth saying. */
const LAG_WORTH_SAYING_MS = 60_000;

export function SlaStepList({ clock, policy, holders }: { clock: TicketClock; policy: Policy | null; holders: TicketHolders | null }) {
  const { t, tn, locale } = useI18n();
  const directory = useDirectory();
  const people: PanelDirectory = {
    agent: (id) => (id ? (directory.agents.find((agent) => agent.id === id) as WithManager | undefined) : undefined),
    team: (id) => (id ? (directory.teams.find((team) => team.id === id) as WithLead | undefined) : undefined),
  };
  const rows = stepRows(clock, policy, holders, people, { t, locale });
  const current = rows.filter((row) => row.replaced === null);
  const replaced = rows.filter((row) => row.replaced !== null);
  const replacedList = replaced.length > 0 && (
    <details className="sla-replaced">
      <summary>{tn("sla.step.replacedTitle", replaced.length)}</summary>
      <ul>
        {replaced.map((row) => (
          <StepItem key={row.timer.stepId} row={row} />
        ))}
      </ul>
    </details>
  );
  // Nothing left of the plan (the clock stopped first): only what was no longer needed.
  if (current.length === 0) return <div className="sla-timers">{replacedList}</div>;
  return (
    <details className="sla-timers">
      <summary>{tn("sla.stepCount", current.length)}</summary>
      <ol className="sla-steps">
        {current.map((row) => (
          <StepItem key={row.timer.stepId} row={row} />
        ))}
      </ol>
      {replacedList}
    </details>
  );
}

function StepItem({ row }: { row: StepRow }) {
  const { t, locale } = useI18n();
  const { timer } = row;
  const at = (iso: string) => formatInstant(iso, locale);
  const name = timer.kind === "reminder" ? t("sla.reminder") : t("sla.level", { level: timer.level });
  let state: string;
  if (row.replaced === "cancelled" || row.replaced === "stopped" || row.replaced === "paused" || row.replaced === "removedStep")
    state = t(`sla.step.replaced.${row.replaced}`, { when: at(timer.dueAt) });
  else if (row.replaced === "earlierDue") state = t("sla.step.replaced.earlierDue", { when: at(timer.firedAt ?? timer.dueAt) });
  else if (timer.state === "fired" && timer.firedAt)
    state =
      (timer.lagMs ?? 0) >= LAG_WORTH_SAYING_MS
        ? t("sla.step.firedLate", { when: at(timer.firedAt), lag: formatDuration((timer.lagMs ?? 0) / 1000, locale, false) })
        : t("sla.step.fired", { when: at(timer.firedAt) });
  else state = t("sla.timerPending", { when: at(timer.dueAt) });
  return (
    <li data-state={timer.state} data-replaced={row.replaced ?? undefined} data-step={timer.stepId}>
      <strong>{name}</strong> <span className="sla-step-when">{row.when}</span>
      {row.who !== "" && <span className="sla-step-who">{t("sla.step.recipients", { who: row.who })}</span>}
      <span className="muted sla-step-state">{state}</span>
    </li>
  );
}
