// A customer by id from the server-state cache, fetched once; unknown or forbidden ids give
// undefined (the screens then show no name).

import { useQuery } from "@tanstack/react-query";
import * as api from "../api/palier.js";
import type { Customer } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";

export function useCustomer(id: string | null | undefined): Customer | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.customer(id ?? ""),
    queryFn: () => api.getCustomer(id ?? ""),
    enabled: Boolean(id),
    // A customer's name rarely changes while an agent works.
    staleTime: 5 * 60_000,
  });
  return data;
}
