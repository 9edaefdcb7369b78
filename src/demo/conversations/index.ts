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
  /** An amount of euros, written the local way. */
  amount(euros: number): string;
  invoicePrefix: string;
  orderPrefix: string;
}

export const WORDS: Readonly<Record<Language, LanguageWords>> = {
  fr: {
    nudge: "Bonjour, je n'ai toujours pas de réponse à ma demande. Pouvez-vous me tenir au courant ?",
    holdNote: "En attente du retour de l'équipe partenaire ; je relance jeudi si rien n'a bougé.",
    amount: (euros) => `${euros.toFixed(2).replace(".", ",")} €`,
    invoicePrefix: "FA",
    orderPrefix: "CMD",
  },
  nl: {
    nudge: "Hallo, ik heb nog steeds geen antwoord op mijn vraag. Kunnen jullie me laten weten hoe het ervoor staat?",
    holdNote: "Wachten op antwoord van de partner; ik volg donderdag op als er niets beweegt.",
    amount: (euros) => `€ ${euros.toFixed(2).replace(".", ",")}`,
    invoicePrefix: "FAC",
    orderPrefix: "BST",
  },
  en: {
    nudge: "Hi, I still haven't heard back about this. Could you give me an update please?",
    holdNote: "Waiting on the partner team; I'll chase on Thursday if nothing has moved.",
    amount: (euros) => `€${euros.toFixed(2)}`,
    invoicePrefix: "INV",
    orderPrefix: "ORD",
  },
};
