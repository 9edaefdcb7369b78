// The demo's social messages and logged calls, written through the channels' own operations
// after the scripted tickets (docs/social.md, docs/phone.md): the networks connected with a demo
// secret, a delivery of mentions and a direct message from X and Facebook by demo customers (four
// new tickets, one from an influential verified author, and a thread answered twice), and agents' calls back on
// open phone tickets.

import { logCall } from "../commands/phone/logCall.js";
import { receiveSocial } from "../commands/social/receiveSocial.js";
import { workIn } from "../commands/work.js";
import type { Network, SocialEvent } from "../core/social/socialEvent.js";
import type { Db } from "../store/database.js";
import { sealSecret } from "../channels/sealedSecret.js";
import { putNetwork } from "../store/social.js";
import { listTickets } from "../store/tickets/ticketList.js";

/** The tickets the demo's social deliveries open (beside the 200 scripted ones). */
export const DEMO_SOCIAL_TICKETS = 4;

const MINUTE = 60_000;

function mention(network: Network, at: Date, id: string, event: Omit<SocialEvent, "id" | "createdAt" | "threadId"> & { threadId?: string }): SocialEvent {
  return { id: `${network}-demo-${id}`, threadId: event.threadId ?? `${network}-demo-${id}`, createdAt: at, ...event };
}

/** Writes the demo's social messages and calls at `now`; what it added. */
export async function seedSocialAndCalls(tx: Db, seededAt: Date, secretKey: Buffer): Promise<{ tickets: number; messages: number }> {
  // Just before the seeding's instant, as everything the demo writes.
  const now = new Date(seededAt.getTime() - 1000);
  for (const network of ["twitter", "facebook"] as const)
    await putNetwork(tx, network, { secret: sealSecret(secretKey, `demo-${network}-secret-not-for-production`) }, now);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const twitter = [
    mention("twitter", at(95), "1", {
      kind: "mention",
      text: "@palier_demo ma commande 4471 n'est toujours pas arrivée, c'est inacceptable !",
      author: { id: "demo-julien", handle: "@julien_lfv", name: "Julien Lefèvre", verified: false, followers: 312, bio: "Lillois, cycliste" },
    }),
    mention("twitter", at(80), "2", {
      kind: "reply",
      threadId: "twitter-demo-1",
      text: "Toujours rien, et personne ne répond. Je vais finir par annuler.",
      author: { id: "demo-julien", handle: "@julien_lfv", name: "Julien Lefèvre", verified: false, followers: 312, bio: "Lillois, cycliste" },
    }),
    mention("twitter", at(60), "3", {
      kind: "mention",
      text: "Plusieurs lecteurs me signalent des prélèvements en double chez @palier_demo. Que se passe-t-il ?",
      author: { id: "demo-elodie", handle: "@elofontaine", name: "Élodie Fontaine", verified: true, followers: 85_400, bio: "Journaliste conso" },
    }),
    mention("twitter", at(30), "4", {
      kind: "direct_message",
      text: "Bonjour, pouvez-vous m'aider à changer l'adresse de livraison de ma commande ?",
      author: { id: "demo-ines", handle: "@ines_bnl", name: "Inès Benali", verified: false, followers: 58, bio: "" },
    }),
  ];
  const facebook = [
    mention("facebook", at(45), "1", {
      kind: "mention",
      text: "Merci à l'équipe pour le remboursement rapide, service au top !",
      author: { id: "demo-nicolas", handle: "@nicolas.laurent.75", name: "Nicolas Laurent", verified: false, followers: 140, bio: "" },
    }),
  ];
  const system = workIn(tx, { now, actor: { type: "system" } });
  const forgetBefore = at(10);
  const taken = [
    ...(await receiveSocial(system, { network: "twitter", delivery: { deliveryId: "demo-twitter-1", events: twitter }, forgetBefore })).events,
    ...(await receiveSocial(system, { network: "facebook", delivery: { deliveryId: "demo-facebook-1", events: facebook }, forgetBefore })).events,
  ];
  const tickets = taken.filter((event) => event.outcome === "ticket").length;
  if (tickets !== DEMO_SOCIAL_TICKETS) throw new Error(`the demo's social deliveries opened ${tickets} tickets, not ${DEMO_SOCIAL_TICKETS}`);

  // Agents call back the customers of the oldest open phone tickets.
  const open = await listTickets(tx, { channel: ["phone"], status: ["open", "pending"], limit: 3, sort: "created_at", order: "asc" });
  let calls = 0;
  for (const ticket of open.items) {
    if (!ticket.assigneeId) continue;
    const agent = workIn(tx, { now, actor: { type: "agent", id: ticket.assigneeId } });
    await logCall(agent, {
      ticketNumber: ticket.number,
      direction: "out",
      number: "+32 470 12 34 01",
      durationSeconds: 240 + calls * 75,
      outcome: calls === 1 ? "voicemail" : "answered",
      notes:
        calls === 1 ? "Message laissé sur la messagerie : rappel demain matin." : "Rappel du client : situation expliquée, il attend notre retour par e-mail.",
    });
    calls++;
  }
  return { tickets, messages: taken.length + calls };
}
