// ISO 8601 durations of days, hours, minutes and seconds (`P1D`, `PT30M`, `P1DT2H30M`,
// `PT0.5S`), as moving the manual clock needs them. Months and years have no fixed length: refused.

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

/** Milliseconds of `text`, or undefined when it is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return undefined;
  const [days, hours, minutes] = [1, 2, 3].map((i) => Number(match[i] ?? 0)) as [number, number, number];
  const seconds = Number((match[4] ?? "0").replace(",", "."));
  const ms = Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  return Number.isSafeInteger(ms) ? ms : undefined;
}
