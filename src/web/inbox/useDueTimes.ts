// The next SLA due time of each listed ticket, for the inbox's "Due" column. The ticket list
// does not carry it, so it is read from each ticket's clocks (a few requests at a time, once
// per ticket version) when the view is about deadlines: breaching, escalated, or sorted by due.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { TicketClock } from "../api/slaTypes.js";
import type { Ticket } from "../api/types.js";

export interface DueTime {
  dueAt: string | null;
  breached: boolean;
  /** Seconds from the server's now to the due time when read (negative: overdue); the server's clock may differ from the browser's. */
  leftSeconds?: number;
}

/** The earliest due time among running clocks, whether one is breached, and how far it was at `now`. */
export function dueOf(clocks: readonly TicketClock[], now: string | null = null): DueTime {
  const running = clocks.filter((clock) => clock.state === "running" && clock.dueAt !== null);
  const dueAt = running.map((clock) => clock.dueAt as string).sort()[0] ?? null;
  const due: DueTime = { dueAt, breached: running.some((clock) => clock.breached) };
  if (dueAt !== null && now !== null) due.leftSeconds = (new Date(dueAt).getTime() - new Date(now).getTime()) / 1000;
  return due;
}

const CONCURRENCY = 4;

export function useDueTimes(tickets: readonly Ticket[], enabled: boolean): ReadonlyMap<number, DueTime> {
  const [known, setKnown] = useState<ReadonlyMap<string, DueTime>>(new Map());
  const key = (ticket: Ticket) => `${ticket.number}@${ticket.version}`;
  const wantedKeys = enabled ? tickets.map(key).filter((k) => !known.has(k)).join(" ") : "";

  useEffect(() => {
    if (wantedKeys === "") return;
    let live = true;
    const queue = wantedKeys.split(" ");
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined && live; next = queue.shift()) {
        const entry = next;
        const number = Number(entry.split("@")[0]);
        let due: DueTime = { dueAt: null, breached: false };
        try {
          const answer = await sla.ticketClocks(number);
          due = dueOf(answer.items, answer.now);
        } catch {
          // No clocks readable: the cell stays empty.
        }
        if (live) setKnown((before) => new Map(before).set(entry, due));
      }
    };
    for (let i = 0; i < CONCURRENCY; i++) void worker();
    return () => {
      live = false;
    };
  }, [wantedKeys]);

  const byNumber = new Map<number, DueTime>();
  for (const ticket of tickets) {
    const due = known.get(key(ticket));
    if (due) byNumber.set(ticket.number, due);
  }
  return byNumber;
}
