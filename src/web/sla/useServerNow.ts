// The server's current instant, ticking every second: the browser's clock shifted by the offset
// seen when the server last answered (the server's clock may be manual, or simply differ).

import { useEffect, useState } from "react";

/** Milliseconds to add to the browser's clock to get the server's, from an answer's instant. */
export function offsetFrom(serverNow: string | null, receivedAt: number): number {
  if (!serverNow) return 0;
  const server = new Date(serverNow).getTime();
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

/**
 * The server's now in milliseconds, re-rendering every `everyMs` while `ticking`. `readAt` (the
 * browser's instant when the offset was read) keeps a fresh answer from being shown against an
 * older tick, which would run the clock backwards.
 */
export function useServerNow(offsetMs: number, ticking = true, everyMs = 1_000, readAt = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [ticking, everyMs]);
  return Math.max(now, readAt) + offsetMs;
}
