// The names a timeline gives the ids its events hold: agents, teams and customers from the
// directory, products and SLA policies read once into the server-state cache. A list the reader
// may not read stays empty, and the event then falls back on the name it recorded.

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { EventNames } from "../../core/events/index.js";
import * as api from "../api/palier.js";
import * as sla from "../api/slaApi.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { queryKeys } from "../queries/keys.js";

const byId = (items: readonly { id: string; name: string }[] | undefined) => new Map((items ?? []).map((item) => [item.id, item.name]));

export function useEventNames(): EventNames {
  const { agentName, teamName, customers } = useDirectory();
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => api.listProducts().catch(() => []), staleTime: Infinity });
  const policies = useQuery({ queryKey: queryKeys.policies, queryFn: () => sla.listPolicies(), staleTime: 60_000, retry: false });
  return useMemo<EventNames>(() => {
    const productNames = byId(products.data);
    const policyNames = byId(policies.data);
    return {
      agent: agentName,
      team: teamName,
      customer: (id) => customers.get(id)?.name,
      product: (id) => productNames.get(id),
      policy: (id) => policyNames.get(id),
    };
  }, [agentName, teamName, customers, products.data, policies.data]);
}
