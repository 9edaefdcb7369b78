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
}

/** The earliest due time among running clocks, and whether one is breached. */
export function dueOf(clocks: readonly TicketClock[]): DueTime {
  const running = clocks.filter((clock) => clock.state === "running" && clock.dueAt !== null);
  const dueAt = running.map((clock) => clock.dueAt as string).sort()[0] ?? null;
  return { dueAt, breached: running.some((clock) => clock.breached) };
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
          due = dueOf((await sla.ticketClocks(number)).items);
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
