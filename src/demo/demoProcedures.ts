// The demo workspace's guided procedures, written through the command the API uses: an internet
// outage for the technical team (linking the knowledge base's restart article), a router swap
// for every team, and a double charge for billing (required before escalating). One open outage
// ticket gets the first steps done by its agent, as if the hand-off were being prepared.

import { createProcedure } from "../commands/procedures/procedures.js";
import { recordProgress } from "../commands/procedures/ticketProcedures.js";
import { workIn } from "../commands/work.js";
import type { ProcedureInput } from "../core/procedure/procedure.js";
import type { Db } from "../store/database.js";
import { translationBySlug } from "../store/kb.js";
import { listTickets } from "../store/tickets/ticketList.js";
import type { TeamKey } from "./workspace.js";

const w = (fr: string, nl: string, en: string) => ({ fr, nl, en });

function procedures(teams: ReadonlyMap<TeamKey, string>, restartArticle: string | null): ProcedureInput[] {
  return [
    {
      teamId: teams.get("technical") ?? null,
      requestType: "outage",
      names: w("Panne internet", "Internetstoring", "Internet outage"),
      steps: [
        {
          key: "map",
          label: w(
            "Vérifier la carte des incidents pour le code postal",
            "De storingskaart voor de postcode nakijken",
            "Check the outage map for the postcode",
          ),
        },
        {
          key: "restart",
          label: w("Faire redémarrer la Lumio Box", "De Lumio Box laten herstarten", "Have the Lumio Box restarted"),
          articleId: restartArticle,
        },
        { key: "cable", label: w("Tester avec un câble réseau", "Testen met een netwerkkabel", "Test with a network cable") },
        { key: "line", label: w("Lancer le test de ligne à distance", "De lijntest op afstand uitvoeren", "Run the remote line test") },
      ],
      fields: [
        { key: "postcode", label: w("Code postal", "Postcode", "Postcode"), kind: "text", required: true },
        {
          key: "light",
          label: w("Voyant de la box", "Lampje van de box", "Box light"),
          kind: "choice",
          required: true,
          choices: [
            { key: "white", label: w("Blanc fixe", "Wit", "Steady white") },
            { key: "red", label: w("Rouge", "Rood", "Red") },
            { key: "off", label: w("Éteint", "Uit", "Off") },
          ],
        },
        { key: "since", label: w("Depuis combien d’heures", "Sinds hoeveel uur", "For how many hours"), kind: "number", required: false },
      ],
    },
    {
      teamId: null,
      requestType: "router",
      names: w("Remplacement du routeur", "Vervanging van de router", "Router replacement"),
      steps: [
        { key: "firmware", label: w("Vérifier la version du firmware", "De firmwareversie nakijken", "Check the firmware version") },
        { key: "reset", label: w("Réinitialisation d’usine avec le client", "Fabrieksreset met de klant", "Factory reset with the customer") },
      ],
      fields: [
        { key: "serial", label: w("Numéro de série", "Serienummer", "Serial number"), kind: "text", required: true },
        { key: "address", label: w("Adresse de livraison confirmée", "Leveringsadres bevestigd", "Delivery address confirmed"), kind: "text", required: false },
      ],
    },
    {
      teamId: teams.get("billing") ?? null,
      requestType: "double-charge",
      names: w("Double prélèvement", "Dubbele afschrijving", "Double charge"),
      required: true,
      steps: [
        {
          key: "statement",
          label: w(
            "Comparer avec le relevé bancaire du client",
            "Vergelijken met het bankafschrift van de klant",
            "Compare with the customer's bank statement",
          ),
        },
        { key: "run", label: w("Vérifier le lot de facturation du mois", "De facturatierun van de maand nakijken", "Check the month's billing run") },
      ],
      fields: [
        { key: "invoice", label: w("Numéro de facture", "Factuurnummer", "Invoice number"), kind: "text", required: true },
        {
          key: "amount",
          label: w("Montant prélevé deux fois (€)", "Dubbel afgeschreven bedrag (€)", "Amount charged twice (€)"),
          kind: "number",
          required: true,
        },
      ],
    },
  ];
}

/** Writes the demo's procedures and one outage ticket's progress; returns how many procedures. */
export async function seedProcedures(tx: Db, props: { now: Date; teams: ReadonlyMap<TeamKey, string> }): Promise<number> {
  const restart = await translationBySlug(tx, "redemarrer-ma-lumio-box");
  const written = [];
  for (const input of procedures(props.teams, restart?.articleId ?? null)) written.push(await createProcedure(tx, { input, now: props.now }));
  const outage = written[0];
  const technical = props.teams.get("technical");
  if (outage && technical) {
    const open = await listTickets(tx, { tags: ["outage"], teamId: [technical], status: ["open", "pending"], limit: 5, sort: "created_at", order: "desc" });
    const ticket = open.items.find((t) => t.assigneeId);
    if (ticket?.assigneeId) {
      const work = workIn(tx, { now: props.now, actor: { type: "agent", id: ticket.assigneeId } });
      await recordProgress(work, { number: ticket.number, procedureId: outage.id, progress: { done: ["map", "restart"], values: { light: "red" } } });
    }
  }
  return written.length;
}
