// A signal inside the page that a ticket changed elsewhere (an escalation fired on it, as a
// notification says), so that an open ticket screen reloads without waiting for a click.

import { useEffect } from "react";

const EVENT = "palier:ticket-changed";

export function announceTicketChange(number: number): void {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: number }));
}

/** Calls `onChange` whenever ticket `number` is announced as changed. */
export function useTicketChanges(number: number, onChange: () => void): void {
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<number>).detail === number) onChange();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [number, onChange]);
}
