// The helpdesk's people and lists the screens name things with: agents, teams and tags loaded
// once after sign-in, and customers fetched on demand and cached by id.

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import * as api from "../api/palier.js";
import type { Agent, Customer, Tag, Team } from "../api/types.js";

export interface Directory {
  agents: Agent[];
  teams: Team[];
  tags: Tag[];
  agentName(id: string | null | undefined): string | undefined;
  teamName(id: string | null | undefined): string | undefined;
  /** Customers already known, by id; ask for more with `loadCustomers`. */
  customers: ReadonlyMap<string, Customer>;
  loadCustomers(ids: readonly string[]): void;
  /** Remember a customer we just created or fetched. */
  rememberCustomer(customer: Customer): void;
  /** Reload tags (after a ticket gained a new one). */
  refreshTags(): void;
}

const DirectoryContext = createContext<Directory | null>(null);

/** Ids requested and not yet answered, shared by all callers so each is asked once. */
const pending = new Set<string>();

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [customers, setCustomers] = useState<ReadonlyMap<string, Customer>>(new Map());
  const [tagsVersion, setTagsVersion] = useState(0);

  useEffect(() => {
    // Lists a role cannot read stay empty; the screens then show ids.
    api.listAgents().then(setAgents, () => undefined);
    api.listTeams().then(setTeams, () => undefined);
  }, []);

  useEffect(() => {
    api.listTags().then(setTags, () => undefined);
  }, [tagsVersion]);

  const rememberCustomer = useCallback((customer: Customer) => {
    setCustomers((known) => new Map(known).set(customer.id, customer));
  }, []);

  const loadCustomers = useCallback(
    (ids: readonly string[]) => {
      const wanted = [...new Set(ids)].filter((id) => !customers.has(id) && !pending.has(id));
      for (const id of wanted) pending.add(id);
      // A few at a time: a page of tickets names up to 50 customers.
      const queue = [...wanted];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          try {
            rememberCustomer(await api.getCustomer(id));
          } catch {
            // Unknown or forbidden: the row shows no name.
          } finally {
            pending.delete(id);
          }
        }
      };
      for (let i = 0; i < Math.min(6, queue.length); i++) void worker();
    },
    [customers, rememberCustomer],
  );

  const value = useMemo<Directory>(() => {
    const agentById = new Map(agents.map((agent) => [agent.id, agent]));
    const teamById = new Map(teams.map((team) => [team.id, team]));
    return {
      agents,
      teams,
      tags,
      agentName: (id) => (id ? agentById.get(id)?.name : undefined),
      teamName: (id) => (id ? teamById.get(id)?.name : undefined),
      customers,
      loadCustomers,
      rememberCustomer,
      refreshTags: () => setTagsVersion((n) => n + 1),
    };
  }, [agents, teams, tags, customers, loadCustomers, rememberCustomer]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error("useDirectory outside DirectoryProvider");
  return value;
}
