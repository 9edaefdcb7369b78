// Every organization, for the customer screens' picker and names.

import { useQuery } from "@tanstack/react-query";
import { allRecords } from "./adminApi.js";
import type { OrganizationRecord } from "./adminTypes.js";
import { adminKeys } from "./formKit.js";

export function useOrganizations(): { organizations: OrganizationRecord[]; organization(id: string | null): OrganizationRecord | undefined } {
  const query = useQuery({ queryKey: [...adminKeys.lists("organizations"), "all"], queryFn: () => allRecords("organizations") });
  const organizations = query.data ?? [];
  return { organizations, organization: (id) => (id ? organizations.find((o) => o.id === id) : undefined) };
}
