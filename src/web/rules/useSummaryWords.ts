// The words a rule's summary and its dry run need: the catalogue, and the names of the agents,
// teams and SLA policies a rule mentions by id.

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import * as sla from "../api/slaApi.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import type { SummaryWords } from "./ruleSummary.js";

export function useSummaryWords(): SummaryWords {
  const { t, tx, locale } = useI18n();
  const { agentName, teamName } = useDirectory();
  // Without the policies a summary says "…" for a policy's name; no reason to fail the screen.
  const policies = useQuery({ queryKey: queryKeys.policies, queryFn: sla.listPolicies }).data;
  return useMemo(
    () => ({
      locale,
      t,
      tx,
      agentName: (id: string) => agentName(id),
      teamName: (id: string) => teamName(id),
      policyName: (id: string) => policies?.find((policy) => policy.id === id)?.name,
    }),
    [locale, t, tx, agentName, teamName, policies],
  );
}
