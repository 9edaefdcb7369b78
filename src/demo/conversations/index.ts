// The demo conversations of every language, and the few words each language needs besides
// them: a customer chasing an answer, an on-hold note, how amounts and references are written.

import type { Language } from "../../core/ticket/ticket.js";
import type { ConversationTemplate } from "./conversation.js";
import { DUTCH } from "./dutch.js";
import { ENGLISH } from "./english.js";
import { FRENCH } from "./french.js";

export type { ConversationTemplate, Topic, Turn } from "./conversation.js";

/** Every language's conversations. */
export const CONVERSATIONS: Readonly<Record<Language, readonly ConversationTemplate[]>> = { fr: FRENCH, nl: DUTCH, en: ENGLISH };

export interface LanguageWords {
  /** A customer asking again before anyone answered. */
  nudge: string;
  /** The note an agent leaves when putting a ticket on hold. */
  holdNote: string;
  /** What an agent writes beside a change: putting a ticket on hold, handing it on, escalating it. */
  comments: {
    onHold: string;
    toVendor: string;
    toEngineering: string;
    fromSelfCare: string;
    escalated(reason: string): string;
  };
  /** An amount of euros, written the local way. */
  amount(euros: number): string;
  invoicePrefix: string;
  orderPrefix: string;
}

export const WORDS: Readonly<Record<Language, LanguageWords>> = {
  fr: {
    nudge: "Bonjour, je n'ai toujours pas de réponse à ma demande. Pouvez-vous me tenir au courant ?",
    holdNote: "En attente du retour de l'équipe partenaire ; je relance jeudi si rien n'a bougé.",
    comments: {
      onHold: "en attente d'un tiers",
      toVendor: "en attente du fournisseur",
      toEngineering: "transmis à l'équipe technique",
      fromSelfCare: "repris de l'assistant en libre-service",
      escalated: (reason) => `escaladé : ${reason}`,
    },
    amount: (euros) => `${euros.toFixed(2).replace(".", ",")} €`,
    invoicePrefix: "FA",
    orderPrefix: "CMD",
  },
  nl: {
    nudge: "Hallo, ik heb nog steeds geen antwoord op mijn vraag. Kunnen jullie me laten weten hoe het ervoor staat?",
    holdNote: "Wachten op antwoord van de partner; ik volg donderdag op als er niets beweegt.",
    comments: {
      onHold: "wacht op een derde partij",
      toVendor: "wacht op de leverancier",
      toEngineering: "doorgegeven aan de technische dienst",
      fromSelfCare: "overgenomen van de selfservice-assistent",
      escalated: (reason) => `geëscaleerd: ${reason}`,
    },
    amount: (euros) => `€ ${euros.toFixed(2).replace(".", ",")}`,
    invoicePrefix: "FAC",
    orderPrefix: "BST",
  },
  en: {
    nudge: "Hi, I still haven't heard back about this. Could you give me an update please?",
    holdNote: "Waiting on the partner team; I'll chase on Thursday if nothing has moved.",
    comments: {
      onHold: "waiting on a third party",
      toVendor: "waiting on an outside vendor",
      toEngineering: "handed to engineering",
      fromSelfCare: "taken over from the self-care assistant",
      escalated: (reason) => `escalated: ${reason}`,
    },
    amount: (euros) => `€${euros.toFixed(2)}`,
    invoicePrefix: "INV",
    orderPrefix: "ORD",
  },
};
