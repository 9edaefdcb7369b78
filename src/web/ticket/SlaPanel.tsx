// The ticket's SLA panel: one card per clock (first response, next response, resolution) with
// its state, due time in the viewer's zone and a live countdown from the server's instants,
// every duration saying whether it counts calendar or business time, and its escalation steps.

import { useQuery } from "@tanstack/react-query";
import * as api from "../api/palier.js";
import * as sla from "../api/slaApi.js";
import type { Policy, TicketClock } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatInstant } from "../lib/viewerTime.js";
import { queryKeys } from "../queries/keys.js";
import { basisOf, timeText, type TimeBasis } from "../sla/businessTime.js";
import { clockStatus, type ClockTone } from "../sla/clockStatus.js";
import { useServerNow } from "../sla/useServerNow.js";
import { SlaStepList } from "./SlaStepList.js";
import { useClocks } from "./useClocks.js";
import "../sla/sla.css";

const ORDER = ["first_response", "next_response", "resolution"] as const;

/** The latest cycle of each target, in the order first response, next response, resolution. */
export function cardsOf(clocks: readonly TicketClock[]): TicketClock[] {
  return ORDER.flatMap((target) => {
    const cycles = clocks.filter((clock) => clock.target === target).sort((a, b) => b.cycle - a.cycle);
    return cycles.slice(0, 1);
  });
}

/** The policy the clocks run on and its calendar, read for their steps and their time basis (null until read, or if not readable). */
function usePolicyOf(policyId: string | undefined): { policy: Policy | null; basis: TimeBasis | null } {
  const policy = useQuery({
    queryKey: queryKeys.policy(policyId ?? ""),
    queryFn: () => sla.getPolicy(policyId ?? ""),
    enabled: Boolean(policyId),
    staleTime: 60_000,
  });
  const calendarId = policy.data?.calendarId ?? null;
  const calendar = useQuery({
    queryKey: queryKeys.calendar(calendarId ?? ""),
    queryFn: () => sla.getCalendar(calendarId ?? ""),
    enabled: calendarId !== null,
    staleTime: 60_000,
  });
  if (!policy.data) return { policy: null, basis: null };
  if (calendarId !== null && !calendar.data && !calendar.isError) return { policy: policy.data, basis: null };
  return { policy: policy.data, basis: basisOf(calendarId, calendar.data?.spec) };
}

export function SlaPanel({ number }: { number: number }) {
  const { t } = useI18n();
  const clocks = useClocks(number);
  const ticket = useQuery({ queryKey: queryKeys.ticket(number), queryFn: () => api.getTicket(number) });
  const cards = clocks.items ? cardsOf(clocks.items) : [];
  const ticking = cards.some((clock) => clock.state === "running");
  const now = useServerNow(clocks.offsetMs, ticking, 1_000, clocks.readAt);
  const policyName = cards.find((clock) => clock.policyName)?.policyName;
  const { policy, basis } = usePolicyOf(cards.find((clock) => clock.policyId)?.policyId ?? undefined);
  // Until the policy and its calendar are read, a clock's seconds are said without a basis.
  const fallback: TimeBasis = { kind: "unknown" };
  return (
    <section className="panel sla-panel" aria-labelledby="sla-title">
      <h2 id="sla-title">{t("sla.panelTitle")}</h2>
      {policyName && <p className="muted small sla-policy">{t("sla.policyLine", { name: policyName })}</p>}
      {clocks.error !== null && <ErrorNotice error={clocks.error} />}
      {clocks.items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : cards.length === 0 ? (
        clocks.error === null && <p className="muted">{t("sla.noClocks")}</p>
      ) : (
        <ul className="sla-cards">
          {cards.map((clock) => (
            <ClockCard
              key={`${clock.target}-${clock.cycle}`}
              clock={clock}
              now={now}
              basis={basis ?? fallback}
              policy={policy}
              holders={ticket.data ? { assigneeId: ticket.data.assigneeId, teamId: ticket.data.teamId, priority: ticket.data.priority } : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

const ICONS: Record<ClockTone, string> = { ok: "◷", soon: "◷", breached: "!", paused: "⏸", met: "✓", metLate: "!", cancelled: "–" };

function ClockCard({
  clock,
  now,
  basis,
  policy,
  holders,
}: {
  clock: TicketClock;
  now: number;
  basis: TimeBasis;
  policy: Policy | null;
  holders: Parameters<typeof SlaStepList>[0]["holders"];
}) {
  const { t, locale } = useI18n();
  const words = { t, locale };
  const status = clockStatus(clock, now);
  const seconds = status.seconds ?? 0;
  // Countdowns and overdue times are measured between instants: calendar time. Time left while
  // paused and lateness are the clock's own business seconds on its calendar.
  const calendarTime = timeText(seconds, { kind: "calendar" }, words, true);
  const line: Record<ClockTone, string> = {
    ok: t("sla.dueIn", { time: calendarTime }),
    soon: t("sla.dueIn", { time: calendarTime }),
    breached: t("sla.overdueBy", { time: calendarTime }),
    paused: status.seconds === null ? t("sla.pausedShort") : t("sla.pausedLeft", { time: timeText(seconds, basis, words) }),
    met: t("sla.metInTime"),
    metLate: t("sla.metLateBy", { time: timeText(seconds, basis, words) }),
    cancelled: t("sla.cancelledLine"),
  };
  const title =
    clock.target === "next_response" && clock.cycle > 1
      ? t("sla.targetCycle", { target: t(`sla.target.${clock.target}`), cycle: clock.cycle })
      : t(`sla.target.${clock.target}`);
  const when = (iso: string) => formatInstant(iso, locale);
  return (
    <li className={`sla-card tone-${status.tone}`} data-target={clock.target} data-tone={status.tone}>
      <div className="sla-card-head">
        <span className="sla-icon" aria-hidden="true">
          {ICONS[status.tone]}
        </span>
        <h3>{title}</h3>
        <span className="sla-state">{status.tone === "metLate" ? t("sla.state.metLate") : t(`sla.state.${clock.state}`)}</span>
      </div>
      <p className="sla-countdown" role="timer" aria-live="off">
        {line[status.tone]}
      </p>
      {clock.dueAt && (
        <p className="muted small sla-due">
          {clock.state === "met" && clock.stoppedAt
            ? t("sla.metAt", { when: when(clock.stoppedAt), due: when(clock.dueAt) })
            : t("sla.dueAt", { when: when(clock.dueAt) })}
        </p>
      )}
      {clock.timers.length > 0 && <SlaStepList clock={clock} policy={policy} holders={holders} />}
    </li>
  );
}
