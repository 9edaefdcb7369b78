// The IANA zone the signed-in person reads instants in: their profile's, else the browser's.

import { useSession } from "./SessionProvider.js";

/** The reader's time zone, for formatting instants (`Intl.DateTimeFormat(locale, { timeZone })`). */
export function useTimeZone(): string {
  return useSession().timeZone;
}
