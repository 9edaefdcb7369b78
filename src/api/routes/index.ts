// The resource routes under /api/v1: tickets, customers, organizations, agents, teams, products
// and tags. Every one needs a caller (401 first), validates strictly, and takes JSON only.

import type { FastifyPluginAsync } from "fastify";
import { requireCaller } from "../auth/authenticate.js";
import { mailAdminRoutes } from "./admin/mail.js";
import { mailboxAdminRoutes } from "./admin/mailboxes.js";
import { outboxAdminRoutes } from "./admin/outbox.js";
import { attachmentRoutes } from "./attachments/attachments.js";
import { agentRoutes } from "./agents/agents.js";
import { calendarRoutes } from "./calendars/calendars.js";
import { rejectDeepBodies, rejectNulCharacters, validatorCompiler } from "./common/validation.js";
import { customerRoutes } from "./customers/customers.js";
import { approvalRoutes } from "./escalations/approvals.js";
import { escalationRoutes } from "./escalations/escalations.js";
import { jobRoutes } from "./jobs/jobs.js";
import { kbAttachmentRoutes } from "./kb/attachments.js";
import { kbRoutes } from "./kb/kb.js";
import { notificationRoutes } from "./notifications/notifications.js";
import { oncallScheduleRoutes } from "./oncallSchedules/oncallSchedules.js";
import { organizationRoutes } from "./organizations/organizations.js";
import { procedureRoutes } from "./procedures/procedures.js";
import { productRoutes } from "./products/products.js";
import { ruleRoutes } from "./rules/rules.js";
import { selfcareStaffRoutes } from "./selfcare/selfcare.js";
import { socialRoutes } from "./social/social.js";
import { phoneRoutes } from "./phone/calls.js";
import { settingsRoutes } from "./settings/triage.js";
import { ticketClockRoutes } from "./slaPolicies/clocks.js";
import { slaPolicyRoutes } from "./slaPolicies/slaPolicies.js";
import { tagRoutes } from "./tags/tags.js";
import { teamRoutes } from "./teams/teams.js";
import { testClockRoutes } from "./testClock/testClock.js";
import { ticketMessageRoutes } from "./tickets/messages.js";
import { ticketRoutes } from "./tickets/tickets.js";

/** Registers the resource routes; mount with `{ prefix: "/api/v1" }`. */
export const resourceRoutes: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser("text/plain");
  app.addHook("onRequest", requireCaller);
  app.addHook("preValidation", rejectDeepBodies);
  app.addHook("preValidation", rejectNulCharacters);
  for (const routes of [ticketRoutes, ticketMessageRoutes, customerRoutes, organizationRoutes, agentRoutes, teamRoutes, productRoutes, tagRoutes]) {
    await app.register(routes);
  }
  // SLA: calendars, policies, a ticket's clocks, recompute jobs; the server's clock (movable when manual).
  for (const routes of [calendarRoutes, slaPolicyRoutes, ticketClockRoutes, jobRoutes, testClockRoutes]) await app.register(routes);
  // Rules and the triage settings they read.
  for (const routes of [ruleRoutes, settingsRoutes]) await app.register(routes);
  await app.register(oncallScheduleRoutes);
  // The human escalation: hand-offs, decisions, the board.
  await app.register(escalationRoutes);
  await app.register(approvalRoutes);
  // Guided procedures per request type, and a ticket's progress through them.
  await app.register(procedureRoutes);
  await app.register(notificationRoutes);
  await app.register(attachmentRoutes);
  await app.register(outboxAdminRoutes);
  await app.register(mailAdminRoutes);
  await app.register(selfcareStaffRoutes);
  // The knowledge base as staff write and read it (the public side is in kb/public.ts).
  await app.register(kbRoutes);
  await app.register(kbAttachmentRoutes);
  await app.register(mailboxAdminRoutes);
  await app.register(socialRoutes);
  await app.register(phoneRoutes);
};
