// Hand-off notices: each person coming on call is told, in-app and by e-mail, once per hand-off.
// A schedule's `notices_until` records how far its hand-offs have been told, so that a round
// run twice, or by two workers, sends nothing twice.

import { compileSchedule, handoffNotice, handoffsBetween, InvalidScheduleError } from "../../core/oncall/index.js";
import { lockSchedulesWithNoticesDue, noticeRecipients, setNoticesUntil, specOf } from "../../store/oncall.js";
import { enqueue, type OutboxItem } from "../../store/outbox/outbox.js";
import type { Work } from "../work.js";

/** A hand-off older than this when first seen is not told: its person is long into the shift. */
export const STALE_HANDOFF_MS = 6 * 3_600_000;

/** What one round told. */
export interface HandoffNoticesRound {
  schedules: number;
  notices: number;
}

/**
 * Tells everyone who came on call since each schedule's `notices_until` (at most
 * {@link STALE_HANDOFF_MS} ago) up to `work.now`, then moves `notices_until` to `work.now`. A
 * schedule seen for the first time starts from now: its current person is not told.
 */
export async function sendHandoffNotices(work: Work, props: { batch?: number } = {}): Promise<HandoffNoticesRound> {
  const now = work.now.getTime();
  const rows = await lockSchedulesWithNoticesDue(work.tx, work.now, props.batch ?? 50);
  const items: OutboxItem[] = [];
  for (const row of rows) {
    const from = row.noticesUntil ? Math.max(row.noticesUntil.getTime(), now - STALE_HANDOFF_MS) : now;
    let schedule;
    try {
      schedule = compileSchedule(specOf(row));
    } catch (error) {
      if (!(error instanceof InvalidScheduleError)) throw error;
      await setNoticesUntil(work.tx, row.id, work.now);
      continue;
    }
    const handoffs = handoffsBetween(schedule, from, now);
    const people = new Map(
      (
        await noticeRecipients(
          work.tx,
          handoffs.flatMap((h) => h.who),
        )
      ).map((agent) => [agent.id, agent]),
    );
    for (const handoff of handoffs) {
      for (const id of handoff.who) {
        const agent = people.get(id);
        if (!agent?.active) continue;
        const text = handoffNotice({ locale: agent.locale, timeZone: agent.timeZone ?? row.timezone, scheduleName: row.name, handoff });
        const data = { type: "oncall_handoff", scheduleId: row.id, at: new Date(handoff.at).toISOString() };
        items.push({ kind: "inapp", agentId: agent.id, payload: { title: text.title, body: text.body, data } });
        if (agent.email)
          items.push({ kind: "email", agentId: agent.id, address: agent.email, payload: { subject: text.title, text: text.body, locale: text.locale } });
      }
    }
    await setNoticesUntil(work.tx, row.id, work.now);
  }
  if (items.length > 0) await enqueue(work.tx, items, work.now);
  return { schedules: rows.length, notices: items.filter((item) => item.kind === "inapp").length };
}
