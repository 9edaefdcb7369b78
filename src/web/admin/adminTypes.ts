// The directory's records as the admin screens read and write them (docs/api.md): the full
// agent, team, customer and organization, with the version an edit is conditional on.

import type { Role } from "../api/types.js";

export interface AgentRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  managerId: string | null;
  region: string | null;
  languages: string[];
  skills: string[];
  products: string[];
  channels: string[];
  capacity: number;
  outOfOfficeFrom: string | null;
  outOfOfficeUntil: string | null;
  calendarId: string | null;
  locale: string;
  active: boolean;
  version: number;
}

export interface TeamRecord {
  id: string;
  name: string;
  email: string | null;
  leadId: string | null;
  calendarId: string | null;
  tier: string | null;
  assignment: "load_balanced" | "round_robin" | "manual";
  onCallScheduleId: string | null;
  /** The signature of the team's e-mail replies, per language of the customer. */
  signatures: Partial<Record<"fr" | "nl" | "en", string>>;
  /** Shown by the help widget while the team's calendar is open. */
  phone: string | null;
  version: number;
}

export interface CustomerRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  organizationId: string | null;
  version: number;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  segment: string;
  domains: string[];
  version: number;
}

/** The four kinds the admin screens manage, by their API path. */
export type RecordKind = "agents" | "teams" | "customers" | "organizations";

export interface RecordOf {
  agents: AgentRecord;
  teams: TeamRecord;
  customers: CustomerRecord;
  organizations: OrganizationRecord;
}

/** What a create or an update sends: the record's own fields, never its id or version. */
export type FieldsOf<K extends RecordKind> = Partial<Omit<RecordOf[K], "id" | "version">>;
