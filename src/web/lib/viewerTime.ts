// Instants as the viewer reads them: in their time zone, with the zone said ("2 Dec 2026, 14:00
// (GMT+1)"). Every SLA time goes through here, so the zone's source can change in one place.

let chosenZone: string | null = null;

/** The browser's own time zone, or UTC when it cannot say. */
function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The viewer's time zone: the one chosen for them (a profile), else the browser's. */
export function viewerTimeZone(): string {
  return chosenZone ?? browserTimeZone();
}

/** Sets the zone every instant is shown in (an IANA name); null goes back to the browser's. */
export function setViewerTimeZone(zone: string | null): void {
  if (zone !== null) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
    } catch {
      return; // An unknown zone keeps the current one rather than breaking every date.
    }
  }
  chosenZone = zone;
}

const formats = new Map<string, { date: Intl.DateTimeFormat; offset: Intl.DateTimeFormat }>();
function formatsFor(locale: string, zone: string) {
  const key = `${locale} ${zone}`;
  let found = formats.get(key);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }),
      offset: new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" }),
    };
    formats.set(key, found);
  }
  return found;
}

/** The zone's offset at `date` as the locale writes it: "GMT+1", "UTC+1", "GMT". */
export function zoneLabel(date: Date, locale: string, zone: string = viewerTimeZone()): string {
  return (
    formatsFor(locale, zone)
      .offset.formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? zone
  );
}

/**
 * `iso` as a date and time in `zone` (default: the viewer's) followed by that zone's offset in
 * brackets; a string that is no instant comes back as it is.
 */
export function formatInstant(iso: string, locale: string, zone: string = viewerTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatsFor(locale, zone).date.format(date)} (${zoneLabel(date, locale, zone)})`;
}
