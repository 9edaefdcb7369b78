// The workspace's root causes as the app reads them (GET /settings/escalation): the ones offered
// when solving, and a cause's words in the reader's language, the workspace's when it set them.

import { useQuery } from "@tanstack/react-query";
import type { RootCauseEntry } from "../../core/escalation/handoff.js";
import { offeredRootCauses, rootCauseLabel } from "../../core/escalation/rootCauseList.js";
import type { Locale } from "../../core/i18n/index.js";
import { request } from "../api/client.js";
import { escalationWord } from "./escalationWords.js";

/** The escalation settings as the API answers them. */
export interface EscalationSettings {
  reminderHours: number;
  tryFirstMinutes: number;
  etaMinutes: Record<string, number>;
  approvalLimits: Record<string, number | null>;
  rootCauses: RootCauseEntry[];
  version: number;
}

export const ESCALATION_SETTINGS_KEY = ["escalationSettings"] as const;

export async function readEscalationSettings(): Promise<EscalationSettings> {
  return (await request<EscalationSettings>("GET", "/settings/escalation")).data;
}

/** A cause's words: the workspace's in `locale` when it set them, else the catalogue's, else the code. */
export function causeWords(entries: readonly RootCauseEntry[], code: string, locale: Locale): string {
  return rootCauseLabel(entries, code, locale, (c) => {
    const word = escalationWord(locale, "rootCause", c);
    return word === c ? undefined : word;
  });
}

/** The workspace's root causes: the codes offered and each cause's words (the catalogue's until the settings are read). */
export function useRootCauses(locale: Locale) {
  const query = useQuery({ queryKey: ESCALATION_SETTINGS_KEY, queryFn: readEscalationSettings, staleTime: 60_000 });
  const entries = query.data?.rootCauses ?? [];
  return {
    ready: query.isSuccess,
    offered: query.isSuccess ? offeredRootCauses(entries) : [],
    label: (code: string) => causeWords(entries, code, locale),
  };
}
