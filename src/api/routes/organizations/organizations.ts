// Organization routes: list, create, read and conditional update.

import { organizationStore } from "../../../store/entities.js";
import { presentOrganization } from "../../presenters.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { CreateOrganizationBody, OrganizationListQuery, OrganizationSchema, UpdateOrganizationBody } from "./schema.js";

/** Registers the organization routes. */
export const organizationRoutes = entityRoutes({
  path: "/organizations",
  tag: "organizations",
  noun: "organization",
  store: organizationStore,
  read: "organizations.read",
  write: "organizations.write",
  schema: OrganizationSchema,
  present: presentOrganization,
  listQuery: OrganizationListQuery,
  filters: (query) => ({ segment: query.segment }),
  createBody: CreateOrganizationBody,
  create: (body, { db, now }) => organizationStore.create(db, { ...body, domains: body.domains?.map((d) => d.toLowerCase()) }, now),
  updateBody: UpdateOrganizationBody,
  update: (id, changes, expected, { db, now }) =>
    organizationStore.update(db, id, { ...changes, ...(changes.domains ? { domains: changes.domains.map((d) => d.toLowerCase()) } : {}) }, now, expected),
});
