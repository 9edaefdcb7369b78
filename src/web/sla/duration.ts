// Durations in words for countdowns and offsets: the two largest units with the locale's short
// unit names ("2h 5m", "1j 3h", "45 m"), seconds only when less than an hour is left.

const UNITS = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
] as const;

const formats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: string): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "narrow" });
    formats.set(key, format);
  }
  return format;
}

/**
 * `seconds` (absolute value, to the nearest second: instants carried over the network land a few
 * milliseconds off) as at most two units. With `withSeconds`
 * false, seconds never show (less than a minute reads as "0m") and a zero second unit is dropped.
 * With `largest` "hour", days are counted in hours ("32h"): a business day is not 24 hours.
 */
export function formatDuration(seconds: number, locale: string, withSeconds = true, largest: "day" | "hour" = "day"): string {
  const total = Math.round(Math.abs(seconds));
  const allowed = UNITS.filter(([unit]) => (unit !== "second" || (withSeconds && total < 3_600)) && (largest === "day" || unit !== "day"));
  const first = allowed.findIndex(([, size]) => total >= size);
  if (first === -1) return unitFormat(locale, allowed[allowed.length - 1]?.[0] ?? "second").format(0);
  const [unit, size] = allowed[first] as (typeof UNITS)[number];
  const parts = [unitFormat(locale, unit).format(Math.floor(total / size))];
  const next = allowed[first + 1];
  if (next) {
    const amount = Math.floor((total % size) / next[1]);
    if (amount > 0 || withSeconds) parts.push(unitFormat(locale, next[0]).format(amount));
  }
  return parts.join(" ");
}

/** Minutes as hours and minutes for tables of targets ("8h", "1j 4h", "90" → "1h 30m"). */
export function formatMinutes(minutes: number, locale: string): string {
  return formatDuration(minutes * 60, locale, false);
}
