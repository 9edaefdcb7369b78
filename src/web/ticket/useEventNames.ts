// The names a timeline gives the ids its events hold: agents, teams and customers from the
// directory; products, organizations, calendars and SLA policies read once into the server-state
// cache. A list the reader may not read stays empty, and the event then falls back on the name
// it recorded.

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { EventNames } from "../../core/events/index.js";
import { request } from "../api/client.js";
import * as api from "../api/palier.js";
import * as sla from "../api/slaApi.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { queryKeys } from "../queries/keys.js";

type Named = { id: string; name: string };

const byId = (items: readonly Named[] | undefined) => new Map((items ?? []).map((item) => [item.id, item.name]));

/** The organizations' names (a condition or a change may name one); none when the reader may not list them. */
async function listOrganizationNames(): Promise<Named[]> {
  try {
    return (await request<{ items: Named[] }>("GET", "/organizations", { query: { limit: 100 } })).data.items;
  } catch {
    return [];
  }
}

export function useEventNames(): EventNames {
  const { agentName, teamName, customers } = useDirectory();
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => api.listProducts().catch(() => []), staleTime: Infinity });
  const policies = useQuery({ queryKey: queryKeys.policies, queryFn: () => sla.listPolicies(), staleTime: 60_000, retry: false });
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: () => sla.listCalendars(), staleTime: 60_000, retry: false });
  const organizations = useQuery({ queryKey: ["organizations", "names"] as const, queryFn: listOrganizationNames, staleTime: Infinity });
  return useMemo<EventNames>(() => {
    const productNames = byId(products.data);
    const policyNames = byId(policies.data);
    const calendarNames = byId(calendars.data);
    const organizationNames = byId(organizations.data);
    return {
      agent: agentName,
      team: teamName,
      customer: (id) => customers.get(id)?.name,
      product: (id) => productNames.get(id),
      policy: (id) => policyNames.get(id),
      calendar: (id) => calendarNames.get(id),
      organization: (id) => organizationNames.get(id),
    };
  }, [agentName, teamName, customers, products.data, policies.data, calendars.data, organizations.data]);
}
