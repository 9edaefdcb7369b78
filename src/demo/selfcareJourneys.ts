// The demo's self-care history, written through the self-care commands: visitors whom an article
// answered (deflected), one it did not, and the journeys behind a few of the web tickets.

import type { VisitorStep } from "../commands/selfcare/recordJourney.js";
import { recordJourney } from "../commands/selfcare/recordJourney.js";
import { workIn } from "../commands/work.js";
import { SYSTEM_ACTOR } from "../core/events/actor.js";
import type { Language } from "../core/ticket/ticket.js";
import type { Db } from "../store/database.js";
import { webTickets } from "../store/selfcare.js";

const HOUR = 3_600_000;

interface DemoJourney {
  visitor: string;
  language: Language;
  page: string;
  steps: VisitorStep[];
}

const article = (slug: string, title: string): VisitorStep => ({ kind: "article", slug, title });
const answered = (slug: string, title: string, helpful: boolean): VisitorStep => ({ kind: "answered", slug, title, helpful });

/** Visitors who read and said whether it answered, hours before the demo's present. */
const DEFLECTED: DemoJourney[] = [
  {
    visitor: "demo-visitor-000000000001",
    language: "fr",
    page: "https://boutique.example/commandes",
    steps: [
      { kind: "search", query: "suivre ma livraison", results: 2 },
      article("suivre-ma-livraison", "Suivre ma livraison"),
      answered("suivre-ma-livraison", "Suivre ma livraison", true),
    ],
  },
  {
    visitor: "demo-visitor-000000000002",
    language: "nl",
    page: "https://boutique.example/nl/facturen",
    steps: [
      { kind: "search", query: "factuur downloaden", results: 1 },
      article("factuur-downloaden", "Een factuur downloaden"),
      answered("factuur-downloaden", "Een factuur downloaden", true),
    ],
  },
  {
    visitor: "demo-visitor-000000000003",
    language: "en",
    page: "https://shop.example/account",
    steps: [article("reset-your-password", "Reset your password"), answered("reset-your-password", "Reset your password", true)],
  },
  {
    visitor: "demo-visitor-000000000004",
    language: "fr",
    page: "https://boutique.example/commandes",
    steps: [
      { kind: "search", query: "remboursement", results: 1 },
      article("demander-un-remboursement", "Demander un remboursement"),
      answered("demander-un-remboursement", "Demander un remboursement", false),
    ],
  },
];

/** What the customers behind the first web tickets tried before writing. */
const BEFORE_WRITING: VisitorStep[][] = [
  [
    { kind: "search", query: "remboursement commande", results: 1 },
    article("demander-un-remboursement", "Demander un remboursement"),
    answered("demander-un-remboursement", "Demander un remboursement", false),
  ],
  [{ kind: "search", query: "erreur connexion", results: 0 }],
  [{ kind: "search", query: "wachtwoord vergeten", results: 1 }, article("wachtwoord-herstellen", "Uw wachtwoord herstellen")],
];

/** Writes the demo's journeys; `now` is the demo's present. Returns how many steps were written. */
export async function seedSelfcareJourneys(tx: Db, { now, teamId }: { now: Date; teamId: string | null }): Promise<number> {
  let written = 0;
  for (const [index, journey] of DEFLECTED.entries()) {
    const work = workIn(tx, { now: new Date(now.getTime() - (index + 1) * 5 * HOUR), actor: SYSTEM_ACTOR });
    const { recorded } = await recordJourney(work, {
      visitorId: journey.visitor,
      teamId,
      language: journey.language,
      pageUrl: journey.page,
      steps: journey.steps,
    });
    written += recorded;
  }
  const tickets = await webTickets(tx, BEFORE_WRITING.length);
  for (const [index, ticket] of tickets.entries()) {
    const work = workIn(tx, { now: new Date(ticket.createdAt.getTime() - 10 * 60_000), actor: SYSTEM_ACTOR });
    const { recorded } = await recordJourney(work, {
      visitorId: `demo-visitor-web-${String(ticket.number).padStart(8, "0")}`,
      teamId: ticket.teamId,
      language: (ticket.language as Language | null) ?? null,
      pageUrl: null,
      steps: BEFORE_WRITING[index] ?? [],
      ticketNumber: ticket.number,
    });
    written += recorded;
  }
  return written;
}
