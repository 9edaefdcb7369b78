// The demo's knowledge base: Lumio's help centre in French, Dutch and English, written through
// the knowledge-base commands like an editor would (one draft among them).

import { createArticle, createCategory } from "../commands/kb/articles.js";
import type { Work } from "../commands/work.js";
import { type KbLanguage, type KbStatus, slugify } from "../core/kb/article.js";

interface DemoArticle {
  category: string;
  fallback: KbLanguage;
  status?: KbStatus;
  versions: Partial<Record<KbLanguage, { title: string; body: string }>>;
}

const CATEGORIES = [
  { slug: "internet-tv", names: { fr: "Internet et TV", nl: "Internet en tv", en: "Internet and TV" }, position: 1 },
  { slug: "mobile", names: { fr: "Mobile", nl: "Mobiel", en: "Mobile" }, position: 2 },
  { slug: "facturation", names: { fr: "Facturation", nl: "Facturatie", en: "Billing" }, position: 3 },
];

const ARTICLES: DemoArticle[] = [
  {
    category: "internet-tv",
    fallback: "fr",
    versions: {
      fr: {
        title: "Redémarrer ma Lumio Box",
        body: "Beaucoup de coupures d'internet se règlent en **redémarrant la box** :\n\n1. Débranchez l'alimentation de la Lumio Box.\n2. Attendez 30 secondes.\n3. Rebranchez-la et patientez trois minutes, le temps que le voyant devienne blanc fixe.\n\nSi le voyant reste rouge, il y a peut-être une panne dans votre quartier : consultez la [carte des incidents](https://status.lumio.example).",
      },
      nl: {
        title: "Mijn Lumio Box herstarten",
        body: "Veel internetonderbrekingen los je op door **de box te herstarten**:\n\n1. Trek de stekker van de Lumio Box uit.\n2. Wacht 30 seconden.\n3. Steek hem er weer in en wacht drie minuten, tot het lampje wit blijft branden.\n\nBlijft het lampje rood, dan is er misschien een storing in je buurt: bekijk de [storingskaart](https://status.lumio.example).",
      },
      en: {
        title: "Restart my Lumio Box",
        body: "Many internet outages are fixed by **restarting the box**:\n\n1. Unplug the Lumio Box's power.\n2. Wait 30 seconds.\n3. Plug it back in and give it three minutes, until the light is steady white.\n\nIf the light stays red, there may be an outage in your area: see the [outage map](https://status.lumio.example).",
      },
    },
  },
  {
    category: "internet-tv",
    fallback: "fr",
    versions: {
      fr: {
        title: "Mon débit internet est lent",
        body: "Testez le débit avec un câble réseau branché directement sur la box : le Wi-Fi perd beaucoup à travers les murs. Éloignez la box des micro-ondes et placez-la en hauteur. Si le débit filaire reste sous la moitié de votre abonnement pendant plusieurs jours, écrivez-nous avec le résultat des tests.",
      },
      nl: {
        title: "Mijn internet is traag",
        body: "Test de snelheid met een netwerkkabel rechtstreeks op de box: wifi verliest veel door muren heen. Zet de box hoog en uit de buurt van een microgolfoven. Blijft de bekabelde snelheid dagenlang onder de helft van je abonnement, stuur ons dan de testresultaten.",
      },
    },
  },
  {
    category: "internet-tv",
    fallback: "nl",
    versions: {
      nl: {
        title: "Lumio TV-zenders opnieuw zoeken",
        body: "Ontbreken er zenders? Ga op de decoder naar *Instellingen › Zenders › Opnieuw zoeken*. Het zoeken duurt ongeveer vijf minuten; zet de decoder intussen niet uit.",
      },
      fr: {
        title: "Rechercher à nouveau les chaînes Lumio TV",
        body: "Des chaînes manquent ? Sur le décodeur, allez dans *Réglages › Chaînes › Nouvelle recherche*. La recherche prend environ cinq minutes ; n'éteignez pas le décodeur pendant ce temps.",
      },
    },
  },
  {
    category: "mobile",
    fallback: "en",
    versions: {
      fr: {
        title: "Activer l'itinérance à l'étranger",
        body: "Dans l'Union européenne, vous utilisez votre forfait Lumio Mobile comme en Belgique. Hors de l'Union, activez l'itinérance dans l'application *Mon Lumio* avant de partir : les tarifs par pays y sont indiqués.",
      },
      nl: {
        title: "Roaming in het buitenland inschakelen",
        body: "In de Europese Unie gebruik je je Lumio Mobile-abonnement zoals in België. Buiten de Unie schakel je roaming in via de app *Mijn Lumio* voor je vertrekt: daar staan de tarieven per land.",
      },
      en: {
        title: "Turn on roaming abroad",
        body: "Within the European Union you use your Lumio Mobile plan as you do at home. Outside the Union, turn on roaming in the *My Lumio* app before you leave: it shows the rates for each country.",
      },
    },
  },
  {
    category: "mobile",
    fallback: "fr",
    versions: {
      fr: {
        title: "Transférer mon numéro chez Lumio",
        body: "Gardez votre numéro en changeant d'opérateur : donnez-nous votre **numéro de client Easy Switch** lors de la commande. Le transfert se fait en un jour ouvrable, sans coupure de plus de quelques minutes.",
      },
      nl: {
        title: "Mijn nummer overzetten naar Lumio",
        body: "Behoud je nummer wanneer je van operator verandert: geef ons bij de bestelling je **Easy Switch-klantnummer**. De overdracht gebeurt binnen één werkdag, zonder onderbreking van meer dan enkele minuten.",
      },
    },
  },
  {
    category: "facturation",
    fallback: "fr",
    versions: {
      fr: {
        title: "Comprendre ma facture",
        body: "Votre facture Lumio reprend l'abonnement du mois à venir et les consommations du mois écoulé. Une **facture plus élevée** que d'habitude vient souvent d'appels vers l'étranger ou d'un achat vidéo à la demande : le détail est dans *Mon Lumio › Factures*.",
      },
      nl: {
        title: "Mijn factuur begrijpen",
        body: "Je Lumio-factuur bevat het abonnement voor de komende maand en het verbruik van de voorbije maand. Een **hogere factuur** dan gewoonlijk komt vaak door oproepen naar het buitenland of een video-on-demandaankoop: de details staan in *Mijn Lumio › Facturen*.",
      },
      en: {
        title: "Understand my invoice",
        body: "Your Lumio invoice covers next month's plan and last month's usage. An invoice **higher than usual** often comes from calls abroad or a video-on-demand purchase: the details are under *My Lumio › Invoices*.",
      },
    },
  },
  {
    category: "facturation",
    fallback: "fr",
    versions: {
      fr: {
        title: "Être remboursé après une panne",
        body: "Après une panne de plus de 24 heures, Lumio rembourse automatiquement la part de l'abonnement concernée sur la facture suivante. Pour un évènement plus long ou un dommage, demandez un remboursement depuis *Mon Lumio › Aide* en joignant le numéro de ticket.",
      },
      nl: {
        title: "Terugbetaling na een storing",
        body: "Na een storing van meer dan 24 uur betaalt Lumio het betrokken deel van het abonnement automatisch terug op de volgende factuur. Voor een langere onderbreking of schade vraag je een terugbetaling aan via *Mijn Lumio › Hulp*, met het ticketnummer erbij.",
      },
      en: {
        title: "Refund after an outage",
        body: "After an outage of more than 24 hours, Lumio refunds the affected part of your plan on the next invoice automatically. For a longer event or damage, ask for a refund from *My Lumio › Help* with the ticket number.",
      },
    },
  },
  {
    category: "facturation",
    fallback: "fr",
    status: "draft",
    versions: {
      fr: {
        title: "Nouveaux tarifs au 1er février",
        body: "Brouillon : les nouveaux tarifs seront publiés après validation par le service juridique.",
      },
    },
  },
];

/** Writes the demo's categories and articles; returns how many articles. */
export async function seedKnowledgeBase(work: Work): Promise<number> {
  const categories = new Map<string, string>();
  for (const c of CATEGORIES) categories.set(c.slug, (await createCategory(work, c)).id);
  for (const a of ARTICLES) {
    const translations = Object.entries(a.versions).map(([language, v]) => ({
      language: language as KbLanguage,
      slug: slugify(v.title),
      title: v.title,
      body: v.body,
      status: a.status ?? ("published" as const),
    }));
    await createArticle(work, { categoryId: categories.get(a.category) ?? null, fallbackLanguage: a.fallback, translations });
  }
  return ARTICLES.length;
}
