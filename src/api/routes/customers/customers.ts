// Customer routes: the four of every resource, and a customer's tickets.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { customerStore } from "../../../store/entities.js";
import { countTickets, listTickets } from "../../../store/tickets/ticketList.js";
import { notFound } from "../../errors.js";
import { presentCustomer, presentListedTicket } from "../../presenters.js";
import { callerWith, now } from "../common/access.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { baseQuery } from "../tickets/query.js";
import { CustomerTicketsQuery, TicketListResponse } from "../tickets/schema.js";
import { CreateCustomerBody, CustomerListQuery, CustomerSchema, UpdateCustomerBody } from "./schema.js";

const customerEntity = entityRoutes({
  path: "/customers",
  tag: "customers",
  noun: "customer",
  store: customerStore,
  read: "customers.read",
  write: "customers.write",
  schema: CustomerSchema,
  present: presentCustomer,
  listQuery: CustomerListQuery,
  filters: (query) => ({ organizationId: query.organization?.toLowerCase() }),
  createBody: CreateCustomerBody,
  create: (body, { db, now }) => customerStore.create(db, body, now),
  updateBody: UpdateCustomerBody,
  update: (id, changes, expected, { db, now }) => customerStore.update(db, id, changes, now, expected),
});

/** Registers the customer routes. */
export const customerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(customerEntity);

  app.get(
    "/customers/:id/tickets",
    {
      schema: {
        tags: ["customers"],
        summary: "List a customer's tickets",
        security: SECURITY,
        params: IdParams,
        querystring: CustomerTicketsQuery,
        response: { 200: TicketListResponse, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "customers.read");
      const principal = callerWith(request, "tickets.read");
      const db = request.server.database.db;
      const customer = await customerStore.get(db, request.params.id);
      if (!customer) throw notFound(`customer ${request.params.id}`);
      const query = { ...baseQuery(request.query), customerId: customer.id };
      const [page, total] = await Promise.all([listTickets(db, query), countTickets(db, query)]);
      const at = now(request);
      return { items: page.items.map((ticket) => presentListedTicket(ticket, at, principal)), nextCursor: page.nextCursor, total, now: at.toISOString() };
    },
  );
};
