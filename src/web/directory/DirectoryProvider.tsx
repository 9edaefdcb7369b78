// The helpdesk's people and lists the screens name things with: agents, teams and tags, each a
// query of the server-state cache read once after sign-in, and the customers already in it.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import * as api from "../api/palier.js";
import type { Agent, Customer, Tag, Team } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";

export interface Directory {
  agents: Agent[];
  teams: Team[];
  tags: Tag[];
  agentName(id: string | null | undefined): string | undefined;
  teamName(id: string | null | undefined): string | undefined;
  /** Customers already fetched, by id; `useCustomer` fetches one. */
  customers: ReadonlyMap<string, Customer>;
  /** Remember a customer we just created or fetched. */
  rememberCustomer(customer: Customer): void;
}

const DirectoryContext = createContext<Directory | null>(null);

// Lists a role cannot read stay empty; the screens then show ids.
const orEmpty =
  <T,>(load: () => Promise<T[]>) =>
  () =>
    load().catch((): T[] => []);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const agents = useQuery({ queryKey: queryKeys.agents, queryFn: orEmpty(api.listAgents), staleTime: Infinity });
  const teams = useQuery({ queryKey: queryKeys.teams, queryFn: orEmpty(api.listTeams), staleTime: Infinity });
  const tags = useQuery({ queryKey: queryKeys.tags, queryFn: orEmpty(api.listTags), staleTime: Infinity });
  const customers = useKnownCustomers();

  const value = useMemo<Directory>(() => {
    const agentList = agents.data ?? [];
    const teamList = teams.data ?? [];
    const agentById = new Map(agentList.map((agent) => [agent.id, agent]));
    const teamById = new Map(teamList.map((team) => [team.id, team]));
    return {
      agents: agentList,
      teams: teamList,
      tags: tags.data ?? [],
      agentName: (id) => (id ? agentById.get(id)?.name : undefined),
      teamName: (id) => (id ? teamById.get(id)?.name : undefined),
      customers,
      rememberCustomer: (customer) => queryClient.setQueryData(queryKeys.customer(customer.id), customer),
    };
  }, [agents.data, teams.data, tags.data, queryClient, customers]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

/** The customers in the cache by id, a new map whenever one lands there. */
function useKnownCustomers(): ReadonlyMap<string, Customer> {
  const queryClient = useQueryClient();
  const [customers, setCustomers] = useState<ReadonlyMap<string, Customer>>(new Map());
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const [kind, id, detail] = event.query.queryKey as readonly unknown[];
        if (event.type !== "updated" || event.action.type !== "success" || kind !== queryKeys.customer("")[0] || detail !== undefined) return;
        const customer = event.query.state.data as Customer | undefined;
        if (typeof id === "string" && customer) setCustomers((known) => (known.get(id) === customer ? known : new Map(known).set(id, customer)));
      }),
    [queryClient],
  );
  return customers;
}

export function useDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error("useDirectory outside DirectoryProvider");
  return value;
}
