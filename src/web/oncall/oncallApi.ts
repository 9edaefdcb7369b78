// The API calls of the on-call screens: schedules (list, read, create, change, delete), who is
// on call now and next, and the final schedule over a span.

import type { Layer, Override } from "../../core/oncall/schedule.js";
import { request } from "../api/client.js";
import { itemsOf } from "../api/slaApi.js";

/** A schedule as the API shows it. */
export interface OncallSchedule {
  id: string;
  name: string;
  timezone: string;
  layers: Layer[];
  overrides: Override[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type OncallScheduleInput = Pick<OncallSchedule, "name" | "timezone" | "layers" | "overrides">;

export interface OncallNow {
  timezone: string;
  at: string;
  onCall: string[];
  next: { at: string; onCall: string[] } | null;
}

/** The cache key of the schedules' list (and, with an id, of one schedule). */
export const ONCALL_KEY = ["oncallSchedules"] as const;

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export async function listSchedules(): Promise<OncallSchedule[]> {
  return itemsOf<OncallSchedule>((await request<unknown>("GET", "/oncall-schedules", { query: { limit: 200 } })).data);
}

export async function getSchedule(id: string): Promise<OncallSchedule> {
  return (await request<OncallSchedule>("GET", `/oncall-schedules/${id}`)).data;
}

export async function createSchedule(input: OncallScheduleInput): Promise<OncallSchedule> {
  return (await request<OncallSchedule>("POST", "/oncall-schedules", { body: input })).data;
}

export async function updateSchedule(id: string, version: number, input: OncallScheduleInput): Promise<OncallSchedule> {
  return (await request<OncallSchedule>("PATCH", `/oncall-schedules/${id}`, { body: input, headers: ifMatch(version) })).data;
}

export async function deleteSchedule(id: string, version: number): Promise<void> {
  await request<unknown>("DELETE", `/oncall-schedules/${id}`, { headers: ifMatch(version) });
}

export async function onCallNow(id: string): Promise<OncallNow> {
  return (await request<OncallNow>("GET", `/oncall-schedules/${id}/now`)).data;
}
