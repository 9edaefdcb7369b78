// A small help centre written for the relevance test: ten topics of a ticketing and
// e-commerce business, most in French, Dutch and English, some in fewer languages, with
// near neighbours (a refund beside a gift card, an invoice beside a delivery) so that ranking
// has something to choose between.

import type { KbLanguage } from "../../src/core/kb/article.js";

export interface FixtureArticle {
  key: string;
  category: string;
  fallback: KbLanguage;
  versions: Partial<Record<KbLanguage, { title: string; body: string }>>;
}

export const CATEGORIES = [
  { slug: "commandes", names: { fr: "Commandes et paiements", nl: "Bestellingen en betalingen", en: "Orders and payments" } },
  { slug: "evenements", names: { fr: "Évènements", nl: "Evenementen", en: "Events" } },
  { slug: "compte", names: { fr: "Mon compte", nl: "Mijn account", en: "My account" } },
];

export const FIXTURE: FixtureArticle[] = [
  {
    key: "refund",
    category: "commandes",
    fallback: "fr",
    versions: {
      fr: {
        title: "Demander un remboursement",
        body: "Vous pouvez demander le **remboursement** d'une commande dans les 14 jours qui suivent la livraison.\n\n1. Ouvrez *Mes commandes*.\n2. Choisissez la commande puis « Demander un remboursement ».\n\nLe montant est reversé sur le moyen de paiement utilisé, en cinq jours ouvrables au plus.",
      },
      nl: {
        title: "Een terugbetaling aanvragen",
        body: "U kunt binnen 14 dagen na de levering een **terugbetaling** van uw bestelling aanvragen.\n\n1. Open *Mijn bestellingen*.\n2. Kies de bestelling en daarna „Terugbetaling aanvragen”.\n\nHet bedrag wordt binnen vijf werkdagen teruggestort op het betaalmiddel dat u gebruikte.",
      },
      en: {
        title: "Request a refund",
        body: "You can ask for a **refund** of an order within 14 days of delivery.\n\n1. Open *My orders*.\n2. Pick the order, then “Request a refund”.\n\nThe money goes back to the payment method you used within five working days.",
      },
    },
  },
  {
    key: "event-cancelled",
    category: "evenements",
    fallback: "fr",
    versions: {
      fr: {
        title: "Mon évènement est annulé ou reporté",
        body: "Quand un organisateur annule un évènement, vos billets sont remboursés automatiquement. S'il est reporté, vos billets restent valables à la nouvelle date ; vous pouvez aussi les échanger contre un avoir pendant 30 jours.",
      },
      nl: {
        title: "Mijn evenement is geannuleerd of uitgesteld",
        body: "Als een organisator een evenement annuleert, worden uw tickets automatisch terugbetaald. Wordt het uitgesteld, dan blijven uw tickets geldig voor de nieuwe datum; u kunt ze ook 30 dagen lang inruilen voor een tegoedbon.",
      },
      en: {
        title: "My event is cancelled or postponed",
        body: "When an organiser cancels an event, your tickets are refunded automatically. If it is postponed, your tickets stay valid for the new date; you can also swap them for a credit note for 30 days.",
      },
    },
  },
  {
    key: "delivery-address",
    category: "commandes",
    fallback: "fr",
    versions: {
      fr: {
        title: "Changer l'adresse de livraison",
        body: "Tant que votre colis n'est pas expédié, vous pouvez modifier l'adresse de livraison depuis le détail de la commande. Une fois le colis parti, contactez le transporteur avec le numéro de suivi.",
      },
      nl: {
        title: "Het leveringsadres wijzigen",
        body: "Zolang uw pakket niet verzonden is, kunt u het leveringsadres aanpassen in het detail van de bestelling. Is het pakket vertrokken, neem dan contact op met de vervoerder met het volgnummer.",
      },
    },
  },
  {
    key: "password",
    category: "compte",
    fallback: "en",
    versions: {
      fr: {
        title: "J'ai oublié mon mot de passe",
        body: "Sur la page de connexion, cliquez sur « Mot de passe oublié ». Vous recevez un lien valable une heure pour choisir un nouveau mot de passe. Pensez à regarder dans vos courriers indésirables.",
      },
      nl: {
        title: "Ik ben mijn wachtwoord vergeten",
        body: "Klik op de aanmeldpagina op „Wachtwoord vergeten”. U ontvangt een link die een uur geldig is om een nieuw wachtwoord te kiezen. Kijk ook in uw map met ongewenste e-mail.",
      },
      en: {
        title: "I forgot my password",
        body: "On the sign-in page, click “Forgot password”. You receive a link, valid for one hour, to choose a new password. Check your spam folder too.",
      },
    },
  },
  {
    key: "invoice",
    category: "commandes",
    fallback: "fr",
    versions: {
      fr: {
        title: "Télécharger une facture",
        body: "Chaque commande a sa facture au format PDF. Dans *Mes commandes*, ouvrez la commande et choisissez « Télécharger la facture ». Pour une facture au nom d'une société, ajoutez son numéro de TVA avant de payer.",
      },
      nl: {
        title: "Een factuur downloaden",
        body: "Bij elke bestelling hoort een factuur in pdf. Open in *Mijn bestellingen* de bestelling en kies „Factuur downloaden”. Voor een factuur op naam van een bedrijf voegt u het btw-nummer toe vóór de betaling.",
      },
      en: {
        title: "Download an invoice",
        body: "Every order has its invoice as a PDF. In *My orders*, open the order and choose “Download the invoice”. For an invoice in a company's name, add its VAT number before paying.",
      },
    },
  },
  {
    key: "two-factor",
    category: "compte",
    fallback: "en",
    versions: {
      fr: {
        title: "Activer la double authentification",
        body: "La double authentification protège votre compte : après le mot de passe, un code à six chiffres vous est demandé. Activez-la dans *Sécurité* avec une application d'authentification.",
      },
      en: {
        title: "Turn on two-factor authentication",
        body: "Two-factor authentication protects your account: after your password, you are asked for a six-digit code. Turn it on under *Security* with an authenticator app.",
      },
    },
  },
  {
    key: "accessibility",
    category: "evenements",
    fallback: "fr",
    versions: {
      fr: {
        title: "Places pour personnes en fauteuil roulant",
        body: "La plupart des salles réservent des places accessibles aux personnes en fauteuil roulant et à leur accompagnateur, dont le billet est gratuit. Réservez-les par téléphone ou par le formulaire d'accessibilité.",
      },
      nl: {
        title: "Plaatsen voor rolstoelgebruikers",
        body: "De meeste zalen houden toegankelijke plaatsen vrij voor rolstoelgebruikers en hun begeleider, die gratis binnenkomt. Reserveer ze telefonisch of via het toegankelijkheidsformulier.",
      },
      en: {
        title: "Seats for wheelchair users",
        body: "Most venues keep accessible seats for wheelchair users and their companion, whose ticket is free. Book them by phone or through the accessibility form.",
      },
    },
  },
  {
    key: "gift-card",
    category: "commandes",
    fallback: "fr",
    versions: {
      fr: {
        title: "Utiliser une carte cadeau",
        body: "Saisissez le code de la carte cadeau à l'étape du paiement. Le solde restant reste disponible un an. Une carte cadeau ne peut pas être remboursée ni échangée contre de l'argent.",
      },
      nl: {
        title: "Een cadeaubon gebruiken",
        body: "Vul de code van de cadeaubon in bij de betaling. Het resterende saldo blijft een jaar beschikbaar. Een cadeaubon kan niet terugbetaald of ingeruild worden voor geld.",
      },
      en: {
        title: "Use a gift card",
        body: "Enter the gift card's code at the payment step. Any remaining balance stays available for a year. A gift card cannot be refunded or exchanged for cash.",
      },
    },
  },
  {
    key: "late-parcel",
    category: "commandes",
    fallback: "nl",
    versions: {
      fr: {
        title: "Mon colis est en retard",
        body: "Suivez votre colis avec le numéro de suivi reçu par courriel. Au-delà de sept jours de retard sur la date annoncée, nous ouvrons une enquête auprès du transporteur et vous renvoyons la commande si elle est perdue.",
      },
      nl: {
        title: "Mijn pakket is vertraagd",
        body: "Volg uw pakket met het volgnummer dat u per e-mail kreeg. Is het meer dan zeven dagen later dan aangekondigd, dan starten we een onderzoek bij de vervoerder en sturen we de bestelling opnieuw als ze verloren is.",
      },
    },
  },
  {
    key: "delete-account",
    category: "compte",
    fallback: "fr",
    versions: {
      fr: {
        title: "Supprimer mon compte et mes données",
        body: "Vous pouvez supprimer votre compte dans *Confidentialité*. Vos données personnelles sont effacées sous 30 jours, sauf les factures que la loi nous oblige à garder.",
      },
      nl: {
        title: "Mijn account en gegevens verwijderen",
        body: "U kunt uw account verwijderen onder *Privacy*. Uw persoonsgegevens worden binnen 30 dagen gewist, behalve de facturen die we wettelijk moeten bewaren.",
      },
      en: {
        title: "Delete my account and data",
        body: "You can delete your account under *Privacy*. Your personal data is erased within 30 days, except the invoices the law requires us to keep.",
      },
    },
  },
];

/** A query, the reader's language, and the article (and version language) it must find first, or in the top three. */
export interface RelevanceCase {
  q: string;
  lang: KbLanguage;
  expect: string;
  language: KbLanguage;
  within?: 3;
  /** `suggest`: free text with any of its words, as a contact form sends it. */
  suggest?: true;
}

export const CASES: RelevanceCase[] = [
  // French: stemming, accents both ways, typos.
  { q: "remboursement", lang: "fr", expect: "refund", language: "fr" },
  { q: "rembourssement", lang: "fr", expect: "refund", language: "fr" },
  { q: "évènement annulé", lang: "fr", expect: "event-cancelled", language: "fr" },
  { q: "evenement reporte", lang: "fr", expect: "event-cancelled", language: "fr" },
  { q: "événements reportés", lang: "fr", expect: "event-cancelled", language: "fr" },
  { q: "mot de passe oublié", lang: "fr", expect: "password", language: "fr" },
  { q: "telecharger facture", lang: "fr", expect: "invoice", language: "fr" },
  { q: "carte cadeau", lang: "fr", expect: "gift-card", language: "fr" },
  { q: "colis en retard", lang: "fr", expect: "late-parcel", language: "fr" },
  { q: "suprimer compte", lang: "fr", expect: "delete-account", language: "fr" },
  { q: "adresse de livraison", lang: "fr", expect: "delivery-address", language: "fr" },
  { q: "fauteuil roulant", lang: "fr", expect: "accessibility", language: "fr" },
  { q: "authentifcation", lang: "fr", expect: "two-factor", language: "fr" },
  // Dutch.
  { q: "terugbetaling", lang: "nl", expect: "refund", language: "nl" },
  { q: "terugbetalling", lang: "nl", expect: "refund", language: "nl" },
  { q: "evenement uitgesteld", lang: "nl", expect: "event-cancelled", language: "nl" },
  { q: "évènement", lang: "nl", expect: "event-cancelled", language: "nl" },
  { q: "wachtwoord vergeten", lang: "nl", expect: "password", language: "nl" },
  { q: "factuur downloaden", lang: "nl", expect: "invoice", language: "nl" },
  { q: "cadeaubon", lang: "nl", expect: "gift-card", language: "nl" },
  { q: "pakket vertraagd", lang: "nl", expect: "late-parcel", language: "nl" },
  // A part of a Dutch compound ("rolstoelgebruikers") is found as a prefix.
  { q: "rolstoel", lang: "nl", expect: "accessibility", language: "nl" },
  { q: "leveringsadres wijzigen", lang: "nl", expect: "delivery-address", language: "nl" },
  // English, and an article a Dutch reader only has in English and French.
  { q: "refund", lang: "en", expect: "refund", language: "en" },
  { q: "refunds", lang: "en", expect: "refund", language: "en", within: 3 },
  { q: "cancelled events", lang: "en", expect: "event-cancelled", language: "en" },
  { q: "forgotten password", lang: "en", expect: "password", language: "en" },
  { q: "download invoices", lang: "en", expect: "invoice", language: "en" },
  { q: "wheelchair", lang: "en", expect: "accessibility", language: "en" },
  { q: "two-factor authentication", lang: "nl", expect: "two-factor", language: "en" },
  { q: "authenticaton", lang: "en", expect: "two-factor", language: "en" },
  { q: "delete my account", lang: "en", expect: "delete-account", language: "en" },
  // Free text, as typed in a contact form.
  { q: "Bonjour, l'évènement de samedi a été annulé, comment être remboursé ?", lang: "fr", expect: "event-cancelled", language: "fr", suggest: true },
  { q: "Ik kan niet meer inloggen, wachtwoord kwijt", lang: "nl", expect: "password", language: "nl", suggest: true },
  // The article has no English version: it is shown in its fallback language, Dutch.
  { q: "My parcel never arrived, it is very late", lang: "en", expect: "late-parcel", language: "nl", within: 3, suggest: true },
];
