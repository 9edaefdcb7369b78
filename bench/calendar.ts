// Business-time benchmark: Palier's BusinessCalendar beside moment-business-time and dayjs-business-time on the
// same calendar (lunch break, holidays), after checking they agree. `--smoke` (or BENCH_SIZE=smoke): CI size.
import { createRequire } from "node:module";
import type BusinessTimePlugin from "dayjs-business-time";
import type * as CalendarModule from "../src/core/calendar/index.js";

// The peers compute in the process's local time zone and know nothing else: make it UTC before they load.
process.env.TZ = "UTC";
const load = createRequire(import.meta.url);
const moment = load("moment-business-time") as typeof import("moment"); // the plugin returns moment, patched
const dayjs = load("dayjs") as typeof import("dayjs");
dayjs.extend(load("dayjs-business-time") as typeof BusinessTimePlugin);
// Palier as built by `npm run build` (types from the sources it was built from).
const distUrl = new URL("../dist/core/calendar/index.js", import.meta.url).href;
const { BusinessCalendar } = (await import(distUrl)) as typeof CalendarModule;
type Calendar = CalendarModule.BusinessCalendar;

// moment-business-time ships no typings: the two methods used here.
declare module "moment" {
  interface Moment {
    addWorkingTime(amount: number, unit: "minutes"): Moment;
    workingDiff(other: Moment, unit: "minutes"): number;
  }
}

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const SIZE = SMOKE ? { warmMs: 0, warmOps: 16, runMs: 0, runOps: 32 } : { warmMs: 300, warmOps: 0, runMs: 1000, runOps: 0 };
const MINUTE = 60_000;
const DAY = 86_400_000;

// --- The calendar, written once and translated for each implementation ---------------------------------------
const RANGES: [string, string][] = [
  ["09:00", "12:30"],
  ["13:30", "18:00"],
];
const WORKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;
const HOLIDAYS = ["2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14"];
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const SEGMENTS = RANGES.map(([from, to]) => [toMinutes(from), toMinutes(to)] as const);
const DAILY_MINUTES = SEGMENTS.reduce((sum, [from, to]) => sum + to - from, 0);
const PARIS_DST = Date.parse("2026-03-29T01:00:00Z"); // Europe/Paris springs forward: 02:00 → 03:00

const palierCalendar = (timezone: string): Calendar =>
  BusinessCalendar.fromSpec({ timezone, hours: Object.fromEntries(WORKDAYS.map((day) => [day, RANGES])), holidays: HOLIDAYS });
const isWorkday = (weekday: number) => weekday >= 1 && weekday <= 5; // 0 = Sunday
const momentTimes = RANGES.flat().map((time) => `${time}:00`); // open, close, open, close…
const workinghours = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, isWorkday(d) ? momentTimes : null]));
moment.updateLocale(moment.locale(), { workinghours, holidays: HOLIDAYS });
const dayjsRanges = RANGES.map(([from, to]) => ({ start: `${from}:00`, end: `${to}:00` }));
const dayjsHours = (d: number) => (isWorkday(d) ? dayjsRanges : null);
dayjs.setBusinessTime({
  sunday: dayjsHours(0),
  monday: dayjsHours(1),
  tuesday: dayjsHours(2),
  wednesday: dayjsHours(3),
  thursday: dayjsHours(4),
  friday: dayjsHours(5),
  saturday: dayjsHours(6),
});
dayjs.setHolidays(HOLIDAYS);

// --- Implementations: add whole business minutes, elapsed in business minutes -------------------------------
interface Impl {
  name: string;
  add(start: number, minutes: number): number;
  elapsed(start: number, end: number): number;
}
const palier = (name: string, cal: Calendar): Impl => ({
  name,
  add: (start, minutes) => cal.add(start, minutes * 60),
  elapsed: (start, end) => cal.elapsed(start, end) / 60,
});
const utcCalendar = palierCalendar("UTC");
const palierParis = palier("Palier (Europe/Paris)", palierCalendar("Europe/Paris"));
const palierUtc = palier("Palier (UTC)", utcCalendar);
const momentImpl: Impl = {
  name: "moment-business-time",
  add: (start, minutes) => moment(start).addWorkingTime(minutes, "minutes").valueOf(),
  elapsed: (start, end) => moment(end).workingDiff(moment(start), "minutes"),
};
const dayjsImpl: Impl = {
  name: "dayjs-business-time",
  add: (start, minutes) => dayjs(start).addBusinessMinutes(minutes).valueOf(),
  elapsed: (start, end) => dayjs(start).businessMinutesDiff(dayjs(end)),
};
const PEERS = [momentImpl, dayjsImpl];
const IMPLS = [palierParis, palierUtc, ...PEERS];

interface Workload {
  name: string;
  kind: "add" | "elapsed";
  amount: number; // minutes to add, or calendar days to span
}
const WORKLOADS: Workload[] = [
  { name: "add 8h", kind: "add", amount: 8 * 60 },
  { name: "add 30d", kind: "add", amount: 30 * DAILY_MINUTES },
  { name: "elapsed 1 week", kind: "elapsed", amount: 7 },
  { name: "elapsed quarter", kind: "elapsed", amount: 91 },
];
const run = (impl: Impl, w: Workload, start: number) => (w.kind === "add" ? impl.add(start, w.amount) : impl.elapsed(start, start + w.amount * DAY));

// --- Start instants: whole minutes over eight weeks around the DST change, two thirds in daytime hours -------
const WINDOW_START = Date.parse("2026-03-02T00:00:00Z");
const SAMPLES = SMOKE ? 128 : 512;
let seed = 20260329;
const random = (n: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n; // LCG: same list every run
const STARTS = Array.from({ length: SAMPLES }, () => {
  const minute = random(3) < 2 ? 480 + random(660) : random(1440); // 08:00–19:00 UTC, or any time
  return WINDOW_START + random(56) * DAY + minute * MINUTE;
});

// --- A naive reference on the UTC calendar, day by day, to say who is right when two disagree ---------------
const holidaySet = new Set(HOLIDAYS);
function openPeriods(day: number): [number, number][] {
  const date = new Date(day * DAY);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6 || holidaySet.has(date.toISOString().slice(0, 10))) return [];
  return SEGMENTS.map(([from, to]) => [day * DAY + from * MINUTE, day * DAY + to * MINUTE]);
}
function referenceElapsed(start: number, end: number): number {
  let ms = 0;
  for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
    for (const [from, to] of openPeriods(day)) ms += Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
  return ms / MINUTE;
}
/** Palier's convention (a budget used up at a closing gives the next opening), and whether that happened. */
function referenceAdd(start: number, minutes: number): { at: number; onClosing: boolean } {
  let remaining = minutes * MINUTE;
  let onClosing = false;
  for (let day = Math.floor(start / DAY); ; day++) {
    for (const [from, to] of openPeriods(day)) {
      const begin = Math.max(from, start);
      if (begin >= to) continue;
      if (remaining < to - begin) return { at: begin + remaining, onClosing };
      if (remaining === to - begin) onClosing = true;
      remaining -= to - begin;
    }
  }
}
const reference = (w: Workload, start: number) => (w.kind === "add" ? referenceAdd(start, w.amount).at : referenceElapsed(start, start + w.amount * DAY));

// --- Agreement check, before any timing -------------------------------------------------------------------------
const iso = (t: number) => new Date(t).toISOString().slice(0, 16) + "Z";
const show = (w: Workload, value: number) => (w.kind === "add" ? iso(value) : `${value} min`);
let failed = false;
const size = SMOKE ? "smoke size: a few ops per cell, the figures mean nothing" : "full size: ~1 s per cell";
console.log(`Calendar benchmark (${size}), Node ${process.version}, ${SAMPLES} start instants from ${iso(STARTS[0] ?? 0)}`);
console.log(`Calendar: Mon–Fri ${RANGES.map((r) => r.join("–")).join(", ")} (${DAILY_MINUTES / 60} h/day), holidays ${HOLIDAYS.join(" ")}`);
const version = (pkg: string) => `${pkg} ${(load(`${pkg}/package.json`) as { version: string }).version}`;
console.log(`Peers: ${version("moment-business-time")} (${version("moment")}), ${version("dayjs-business-time")} (${version("dayjs")})`);

console.log("\nAgreement, UTC calendar:");
let palierChecked = 0;
const palierWrong: string[] = [];
for (const w of WORKLOADS) {
  for (const start of STARTS) {
    palierChecked++;
    const [got, want] = [run(palierUtc, w, start), reference(w, start)];
    if (got !== want) palierWrong.push(`${w.name} from ${iso(start)}: Palier ${show(w, got)}, reference ${show(w, want)}`);
    if (w.kind === "add") {
      const at = palierParis.add(start, w.amount); // Europe/Paris: what add consumed, elapsed must give back
      palierChecked++;
      if (palierParis.elapsed(start, at) !== w.amount) palierWrong.push(`Europe/Paris ${w.name} from ${iso(start)}: elapsed(add) ≠ budget`);
    }
  }
}
console.log(`  Palier vs naive reference (UTC) and elapsed(add) = budget (Europe/Paris): ${palierChecked - palierWrong.length}/${palierChecked}`);
for (const line of palierWrong.slice(0, 5)) console.log(`    PALIER WRONG ${line}`);
if (palierWrong.length > 0) failed = true;

// Conventions differ in two places:
// - both peers treat closings as open (closed periods): a budget used up exactly at a closing gives that closing,
//   where Palier gives the next opening. Such Palier results are compared as the closing just before them.
// - moment-business-time's workingDiff also counts later ranges of the end's day when the end falls inside the
//   day before its last range (lennym/moment-business-time#42, open): those cases are left out, and counted.
const [firstOpening, lastRangeStart] = [SEGMENTS[0]?.[0] ?? 0, SEGMENTS[SEGMENTS.length - 1]?.[0] ?? 0];
function hitsIssue42(peer: Impl, w: Workload, start: number): boolean {
  const end = start + w.amount * DAY;
  const minuteOfDay = (end % DAY) / MINUTE;
  if (peer !== momentImpl || w.kind !== "elapsed" || openPeriods(Math.floor(end / DAY)).length === 0) return false;
  return minuteOfDay > firstOpening && minuteOfDay < lastRangeStart;
}
for (const peer of PEERS) {
  const examples: string[] = [];
  for (const w of WORKLOADS) {
    let [compared, agreed, onClosing, leftOut, leftDiffer] = [0, 0, 0, 0, 0];
    for (const start of STARTS) {
      const [raw, theirs] = [run(palierUtc, w, start), run(peer, w, start)];
      const closing = w.kind === "add" && !utcCalendar.isOpen(raw - 1); // raw is an opening: the budget ended at a closing
      const ours = closing ? utcCalendar.prevClose(raw - 1) : raw;
      if (closing) onClosing++;
      const bug = hitsIssue42(peer, w, start);
      if (bug) {
        leftOut++;
        if (ours !== theirs) leftDiffer++;
      } else {
        compared++;
        if (ours === theirs) agreed++;
        else failed = true;
      }
      if (ours !== theirs && examples.length < (bug ? 1 : 4)) {
        const want = reference(w, start);
        const who = want === raw ? "peer off the reference" : "PALIER OFF THE REFERENCE";
        const why = bug ? "moment-business-time#42" : "unexpected";
        examples.push(`${w.name} from ${iso(start)}: Palier ${show(w, raw)}, peer ${show(w, theirs)}, reference ${show(w, want)} → ${who} (${why})`);
      }
    }
    const notes = [
      onClosing > 0 ? `${onClosing} ending on a closing` : "",
      leftOut > 0 ? `left out ${leftOut} ending before the day's last range, ${leftDiffer} of them differ` : "",
    ];
    const note = notes.filter(Boolean).join("; ");
    console.log(`  ${peer.name.padEnd(22)}${w.name.padEnd(17)}agree ${agreed}/${compared}${note ? ` (${note})` : ""}`);
  }
  for (const line of examples) console.log(`    differ: ${line}`);
}
if (failed) {
  console.error("Agreement check failed: a case where the conventions coincide gives different results (see above).");
  process.exit(1);
}

// DST crossings of the Europe/Paris runs (the peers and the UTC calendar have none).
const crossings = WORKLOADS.map((w) => {
  const crossed = STARTS.filter((s) => s < PARIS_DST && PARIS_DST < (w.kind === "add" ? palierParis.add(s, w.amount) : s + w.amount * DAY));
  return `${w.name} ${crossed.length}/${SAMPLES}`;
});
console.log(`  Europe/Paris runs crossing the 29 March DST change: ${crossings.join(", ")}`);

// --- Timing -------------------------------------------------------------------------------------------------------
let sink = 0; // results flow here so no call can be optimised away
function opsPerSecond(impl: Impl, w: Workload): number {
  let i = 0;
  const loop = (minMs: number, minOps: number): number => {
    const t0 = performance.now();
    let ops = 0;
    let now: number;
    do {
      for (let k = 0; k < 16; k++) sink += run(impl, w, STARTS[i++ % SAMPLES] as number);
      ops += 16;
      now = performance.now();
    } while (now - t0 < minMs || ops < minOps);
    return (ops * 1000) / (now - t0);
  };
  loop(SIZE.warmMs, SIZE.warmOps);
  return loop(SIZE.runMs, SIZE.runOps);
}

const results = new Map<string, number>(); // `${workload}|${impl}` → ops/s
for (const w of WORKLOADS) for (const impl of IMPLS) results.set(`${w.name}|${impl.name}`, opsPerSecond(impl, w));
const rate = (w: Workload, impl: Impl) => results.get(`${w.name}|${impl.name}`) ?? NaN;
const ratio = (r: number) => (r >= 10 ? String(Math.round(r)) : r.toFixed(1));

const header = ["workload (ops/s)", ...IMPLS.map((impl) => impl.name), "Paris/fastest peer", "UTC/fastest peer"];
const rows = WORKLOADS.map((w) => {
  const fastestPeer = Math.max(...PEERS.map((peer) => rate(w, peer)));
  return [
    w.name,
    ...IMPLS.map((impl) => Math.round(rate(w, impl)).toLocaleString("en-US")),
    `${ratio(rate(w, palierParis) / fastestPeer)}x`,
    `${ratio(rate(w, palierUtc) / fastestPeer)}x`,
  ];
});
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)));
console.log("");
for (const row of [header, ...rows]) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  "));

const [add8h, add30d] = WORKLOADS as [Workload, Workload];
for (const impl of [palierParis, palierUtc]) {
  console.log(`${impl.name} cost of add 30d / add 8h: ${(rate(add8h, impl) / rate(add30d, impl)).toFixed(2)} (aim ≤ 3)`);
}
if (sink === 0.5) console.log("");
const headline = rate(add8h, palierParis) / Math.max(...PEERS.map((peer) => rate(add8h, peer)));
console.log(`calendar add 8h: ${ratio(headline)}x the fastest peer`);
