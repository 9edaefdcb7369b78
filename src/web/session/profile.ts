// A person's own profile as the app reads and changes it: the language they read and their
// time zone, saved with PATCH /auth/me, and the zone instants are shown in.

import { request } from "../api/client.js";
import type { Principal, Session } from "../api/types.js";
import { isLocale, type Locale } from "../i18n/messages.js";

/** What a person may change of their own profile; an absent field stays as it is. */
export interface ProfileChange {
  locale?: Locale;
  /** An IANA zone, or null to follow the working calendar (agents) or the browser again. */
  timeZone?: string | null;
}

/** Saves the caller's own language and time zone; answers the session as `GET /auth/me` does. */
export async function saveProfile(change: ProfileChange): Promise<Session> {
  return (await request<Session>("PATCH", "/auth/me", { body: change })).data;
}

/** The zone this browser runs in, else UTC. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The language the profile names, when it is one the app speaks. */
export function profileLocale(principal: Principal): Locale | undefined {
  const tag = (principal.kind === "agent" ? principal.locale : principal.language)?.slice(0, 2).toLowerCase();
  return isLocale(tag) ? tag : undefined;
}

/** The zone to show instants in: the profile's, else the browser's. */
export function profileTimeZone(principal: Principal | undefined): string {
  return principal?.timeZone ?? browserTimeZone();
}

/** Every IANA zone this browser knows (for the profile's choice), the given ones first when missing. */
export function knownTimeZones(...also: (string | null | undefined)[]): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : [];
  const extra = also.filter((zone): zone is string => typeof zone === "string" && zone !== "" && !zones.includes(zone));
  return [...extra, ...zones];
}
