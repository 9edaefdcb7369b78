// Loads a ticket's SLA clocks, again whenever the ticket changes and every half minute (a timer
// may have fired meanwhile); remembers how far the server's clock is from the browser's.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { TicketClock } from "../api/slaTypes.js";
import { offsetFrom } from "../sla/useServerNow.js";

export interface Clocks {
  items: TicketClock[] | null;
  offsetMs: number;
  error: unknown;
}

const REFRESH_MS = 30_000;

export function useClocks(number: number, version: number): Clocks {
  const [state, setState] = useState<Clocks>({ items: null, offsetMs: 0, error: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    let live = true;
    sla.ticketClocks(number).then(
      (answer) => live && setState({ items: answer.items, offsetMs: offsetFrom(answer.now, Date.now()), error: null }),
      (error: unknown) => live && setState((before) => ({ ...before, items: before.items ?? [], error })),
    );
    return () => {
      live = false;
    };
  }, [number, version, tick]);

  return state;
}
