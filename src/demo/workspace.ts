// The demo workspace's people and things: Lumio, a fictional Benelux and French internet,
// mobile and TV provider, with its support teams, agents, business customers and products.

import type { Role } from "../core/access/permissions.js";
import type { CalendarSpec } from "../core/calendar/index.js";
import type { Language } from "../core/ticket/ticket.js";

/** Every demo agent's e-mail ends with this; it is how the store tells the demo is there. */
export const DEMO_EMAIL_DOMAIN = "demo.palier.local";

/** The password of every demo agent and of the demo customer. */
export const DEMO_PASSWORD = "demo-palier";

/** The demo customer who can sign in to the customer portal. */
export const DEMO_CUSTOMER_LOGIN = "marie.dubois@example.com";

export type TeamKey = "billing" | "technical" | "social" | "escalations";
export type ProductCode = "FIBRE" | "MOBILE" | "TV" | "BOX" | "APP";
export type CalendarKey = "brussels" | "paris" | "social";

export interface DemoCalendar {
  key: CalendarKey;
  name: string;
  spec: CalendarSpec;
}

export interface DemoTeam {
  key: TeamKey;
  name: string;
  email: string;
  calendar: CalendarKey;
  /** Shown by the help widget while the team's calendar is open. */
  phone?: string;
}

export interface DemoAgent {
  name: string;
  /** Local part of the e-mail, before `@demo.palier.local`. */
  login: string;
  role: Role;
  team: TeamKey | null;
  /** The login of the agent they report to. */
  manager: string | null;
  region: "Benelux" | "France" | "International";
  languages: Language[];
  skills: string[];
  capacity: number;
  locale: Language;
}

export interface DemoOrganization {
  name: string;
  segment: "vip" | "enterprise" | "standard";
  domains: string[];
}

export interface DemoCustomer {
  name: string;
  email: string;
  language: Language;
  phone?: string;
  social?: Record<string, string>;
  /** The organization's name. */
  organization?: string;
}

export interface DemoProduct {
  code: ProductCode;
  name: string;
}

const BELGIAN_HOLIDAYS = ["01-01", "05-01", "07-21", "08-15", "11-01", "11-11", "12-25"];
const FRENCH_HOLIDAYS = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"];

export const CALENDARS: readonly DemoCalendar[] = [
  {
    key: "brussels",
    name: "Bureau de Bruxelles / Kantoor Brussel",
    spec: {
      timezone: "Europe/Brussels",
      hours: { mon: [["08:30", "17:30"]], tue: [["08:30", "17:30"]], wed: [["08:30", "17:30"]], thu: [["08:30", "17:30"]], fri: [["08:30", "17:30"]] },
      holidays: BELGIAN_HOLIDAYS,
    },
  },
  {
    key: "paris",
    name: "Bureau de Paris",
    spec: {
      timezone: "Europe/Paris",
      hours: {
        mon: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        tue: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        wed: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        thu: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        fri: [
          ["09:00", "12:30"],
          ["13:30", "17:30"],
        ],
      },
      holidays: FRENCH_HOLIDAYS,
    },
  },
  {
    key: "social",
    name: "Social desk 24/7",
    spec: {
      timezone: "Europe/Brussels",
      hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [["00:00", "24:00"]]])),
    },
  },
];

export const TEAMS: readonly DemoTeam[] = [
  { key: "billing", name: "Facturation / Billing", email: `facturation@${DEMO_EMAIL_DOMAIN}`, calendar: "paris", phone: "+33 1 84 88 12 34" },
  { key: "technical", name: "Support technique", email: `support@${DEMO_EMAIL_DOMAIN}`, calendar: "brussels", phone: "+32 2 808 42 42" },
  { key: "social", name: "Social", email: `social@${DEMO_EMAIL_DOMAIN}`, calendar: "social" },
  { key: "escalations", name: "Escalades L2", email: `escalades@${DEMO_EMAIL_DOMAIN}`, calendar: "brussels" },
];

/** The head of support first, then each team's lead, then the agents. */
export const AGENTS: readonly DemoAgent[] = [
  {
    name: "Isabelle Peeters",
    login: "isabelle.peeters",
    role: "manager",
    team: null,
    manager: null,
    region: "Benelux",
    languages: ["fr", "nl", "en"],
    skills: ["escalations", "quality"],
    capacity: 10,
    locale: "fr",
  },
  {
    name: "Léa Martin",
    login: "lea.martin",
    role: "team_lead",
    team: "billing",
    manager: "isabelle.peeters",
    region: "France",
    languages: ["fr", "en"],
    skills: ["billing", "refunds", "sepa"],
    capacity: 15,
    locale: "fr",
  },
  {
    name: "Pieter Janssens",
    login: "pieter.janssens",
    role: "team_lead",
    team: "technical",
    manager: "isabelle.peeters",
    region: "Benelux",
    languages: ["nl", "fr", "en"],
    skills: ["network", "router", "fibre"],
    capacity: 15,
    locale: "nl",
  },
  {
    name: "Manon Leroy",
    login: "manon.leroy",
    role: "team_lead",
    team: "social",
    manager: "isabelle.peeters",
    region: "France",
    languages: ["fr", "en"],
    skills: ["social", "crisis"],
    capacity: 20,
    locale: "fr",
  },
  {
    name: "Marc Vandenberghe",
    login: "marc.vandenberghe",
    role: "team_lead",
    team: "escalations",
    manager: "isabelle.peeters",
    region: "Benelux",
    languages: ["fr", "nl", "en"],
    skills: ["escalations", "legal", "vip"],
    capacity: 12,
    locale: "fr",
  },
  {
    name: "Thomas Lefebvre",
    login: "thomas.lefebvre",
    role: "agent",
    team: "billing",
    manager: "lea.martin",
    region: "France",
    languages: ["fr"],
    skills: ["billing", "invoices"],
    capacity: 25,
    locale: "fr",
  },
  {
    name: "Sanne De Vos",
    login: "sanne.devos",
    role: "agent",
    team: "billing",
    manager: "lea.martin",
    region: "Benelux",
    languages: ["nl", "fr", "en"],
    skills: ["billing", "sepa", "refunds"],
    capacity: 25,
    locale: "nl",
  },
  {
    name: "Olivia Grant",
    login: "olivia.grant",
    role: "agent",
    team: "billing",
    manager: "lea.martin",
    region: "International",
    languages: ["en", "fr"],
    skills: ["billing", "refunds", "roaming"],
    capacity: 20,
    locale: "en",
  },
  {
    name: "Youssef El Amrani",
    login: "youssef.elamrani",
    role: "agent",
    team: "billing",
    manager: "lea.martin",
    region: "Benelux",
    languages: ["fr", "nl"],
    skills: ["billing", "cancellations"],
    capacity: 25,
    locale: "fr",
  },
  {
    name: "Kobe Lemmens",
    login: "kobe.lemmens",
    role: "agent",
    team: "billing",
    manager: "lea.martin",
    region: "Benelux",
    languages: ["nl", "en"],
    skills: ["billing", "invoices", "refunds"],
    capacity: 25,
    locale: "nl",
  },
  {
    name: "Camille Bernard",
    login: "camille.bernard",
    role: "agent",
    team: "technical",
    manager: "pieter.janssens",
    region: "France",
    languages: ["fr", "en"],
    skills: ["fibre", "tv", "router"],
    capacity: 20,
    locale: "fr",
  },
  {
    name: "Bram Claes",
    login: "bram.claes",
    role: "agent",
    team: "technical",
    manager: "pieter.janssens",
    region: "Benelux",
    languages: ["nl", "en"],
    skills: ["fibre", "mobile", "router"],
    capacity: 20,
    locale: "nl",
  },
  {
    name: "Nadia Haddad",
    login: "nadia.haddad",
    role: "agent",
    team: "technical",
    manager: "pieter.janssens",
    region: "France",
    languages: ["fr", "en"],
    skills: ["mobile-app", "login", "mobile"],
    capacity: 20,
    locale: "fr",
  },
  {
    name: "Jeroen Van Damme",
    login: "jeroen.vandamme",
    role: "agent",
    team: "technical",
    manager: "pieter.janssens",
    region: "Benelux",
    languages: ["nl", "fr"],
    skills: ["tv", "delivery", "router"],
    capacity: 20,
    locale: "nl",
  },
  {
    name: "Hannah Walsh",
    login: "hannah.walsh",
    role: "agent",
    team: "technical",
    manager: "pieter.janssens",
    region: "International",
    languages: ["en", "nl"],
    skills: ["mobile", "roaming", "mobile-app"],
    capacity: 20,
    locale: "en",
  },
  {
    name: "Lotte Hermans",
    login: "lotte.hermans",
    role: "agent",
    team: "social",
    manager: "manon.leroy",
    region: "Benelux",
    languages: ["nl", "en"],
    skills: ["social"],
    capacity: 30,
    locale: "nl",
  },
  {
    name: "Ethan Brooks",
    login: "ethan.brooks",
    role: "agent",
    team: "social",
    manager: "manon.leroy",
    region: "International",
    languages: ["en", "fr"],
    skills: ["social"],
    capacity: 30,
    locale: "en",
  },
  {
    name: "Sophie Renard",
    login: "sophie.renard",
    role: "agent",
    team: "escalations",
    manager: "marc.vandenberghe",
    region: "France",
    languages: ["fr", "en"],
    skills: ["escalations", "legal"],
    capacity: 12,
    locale: "fr",
  },
  {
    name: "Ruben Aerts",
    login: "ruben.aerts",
    role: "agent",
    team: "escalations",
    manager: "marc.vandenberghe",
    region: "Benelux",
    languages: ["nl", "en", "fr"],
    skills: ["escalations", "network"],
    capacity: 12,
    locale: "nl",
  },
  {
    name: "Julie Moreau",
    login: "julie.moreau",
    role: "viewer",
    team: null,
    manager: "isabelle.peeters",
    region: "France",
    languages: ["fr", "en"],
    skills: ["quality", "reporting"],
    capacity: 0,
    locale: "fr",
  },
];

export const ORGANIZATIONS: readonly DemoOrganization[] = [
  { name: "Banque Delvaux", segment: "vip", domains: ["delvaux.example", "banque-delvaux.example"] },
  { name: "Van den Berg Logistiek", segment: "enterprise", domains: ["vandenberg-logistiek.example"] },
  { name: "Northwind Studios Ltd", segment: "enterprise", domains: ["northwind-studios.example"] },
  { name: "Brasserie Dupont & Fils", segment: "standard", domains: ["brasserie-dupont.example"] },
  { name: "Hôtel Les Tilleuls", segment: "standard", domains: ["hotel-tilleuls.example"] },
  { name: "Huisartsenpraktijk De Linde", segment: "standard", domains: ["praktijk-delinde.example"] },
];

export const PRODUCTS: readonly DemoProduct[] = [
  { code: "FIBRE", name: "Lumio Fibre" },
  { code: "MOBILE", name: "Lumio Mobile" },
  { code: "TV", name: "Lumio TV" },
  { code: "BOX", name: "Lumio Box (routeur / modem)" },
  { code: "APP", name: "Mon Lumio / Mijn Lumio (app et espace client)" },
];

/** The tag catalogue with colours for the web app. */
export const TAGS: readonly { name: string; color: string }[] = [
  { name: "billing", color: "#2563eb" },
  { name: "invoice", color: "#3b82f6" },
  { name: "refund", color: "#0ea5e9" },
  { name: "double-charge", color: "#f97316" },
  { name: "payment-failed", color: "#ea580c" },
  { name: "outage", color: "#dc2626" },
  { name: "login", color: "#a855f7" },
  { name: "mobile-app", color: "#8b5cf6" },
  { name: "router", color: "#6366f1" },
  { name: "tv", color: "#14b8a6" },
  { name: "roaming", color: "#0d9488" },
  { name: "cancellation", color: "#64748b" },
  { name: "moving", color: "#78716c" },
  { name: "delivery", color: "#ca8a04" },
  { name: "complaint", color: "#e11d48" },
  { name: "legal", color: "#9f1239" },
  { name: "escalated", color: "#be123c" },
  { name: "churn-risk", color: "#f43f5e" },
  { name: "vip", color: "#d97706" },
  { name: "social", color: "#1d9bf0" },
  { name: "gdpr", color: "#475569" },
];

const c = (name: string, email: string, language: Language, extra: Omit<DemoCustomer, "name" | "email" | "language"> = {}): DemoCustomer => ({
  name,
  email,
  language,
  ...extra,
});

export const CUSTOMERS: readonly DemoCustomer[] = [
  // French speakers (France, Brussels, Wallonia)
  c("Marie Dubois", DEMO_CUSTOMER_LOGIN, "fr", { phone: "+32 470 12 34 01" }),
  c("Julien Lefèvre", "julien.lefevre@example.org", "fr", { social: { twitter: "@julien_lfv" } }),
  c("Camille Moreau", "camille.moreau@example.net", "fr", { phone: "+33 6 12 34 56 02" }),
  c("Nicolas Laurent", "nicolas.laurent@example.com", "fr", { social: { facebook: "nicolas.laurent.75" } }),
  c("Sophie Lambert", "sophie.lambert@delvaux.example", "fr", { organization: "Banque Delvaux", phone: "+32 2 555 01 10" }),
  c("Antoine Mercier", "antoine.mercier@delvaux.example", "fr", { organization: "Banque Delvaux" }),
  c("Élodie Fontaine", "elodie.fontaine@example.org", "fr", { social: { twitter: "@elofontaine", facebook: "elodie.fontaine" } }),
  c("Hugo Chevalier", "hugo.chevalier@example.net", "fr"),
  c("Inès Benali", "ines.benali@example.com", "fr", { social: { twitter: "@ines_bnl" } }),
  c("Karim Haddou", "karim.haddou@example.org", "fr", { phone: "+32 486 55 12 09" }),
  c("Aurélie Dumont", "aurelie.dumont@brasserie-dupont.example", "fr", { organization: "Brasserie Dupont & Fils" }),
  c("Pierre Renaud", "pierre.renaud@brasserie-dupont.example", "fr", { organization: "Brasserie Dupont & Fils", phone: "+32 65 55 43 21" }),
  c("Chloé Rousseau", "chloe.rousseau@hotel-tilleuls.example", "fr", { organization: "Hôtel Les Tilleuls" }),
  c("Mathieu Bonnet", "mathieu.bonnet@example.com", "fr", { social: { facebook: "mathieu.bonnet.be" } }),
  c("Manon Faure", "manon.faure@example.net", "fr"),
  c("Yasmine Kaci", "yasmine.kaci@example.org", "fr", { social: { twitter: "@yasminekc" } }),
  c("Philippe Delcourt", "philippe.delcourt@delvaux.example", "fr", { organization: "Banque Delvaux", phone: "+32 2 555 01 42" }),
  c("Anne-Sophie Gérard", "annesophie.gerard@example.com", "fr"),
  c("Théo Marchand", "theo.marchand@example.net", "fr", { social: { twitter: "@theo_mrd", facebook: "theo.marchand" } }),
  c("Lucie Petit", "lucie.petit@example.org", "fr"),
  // Dutch speakers (Flanders, the Netherlands)
  c("Jan de Vries", "jan.devries@example.com", "nl", { social: { twitter: "@jandevries_" } }),
  c("Sanne Jansen", "sanne.jansen@example.net", "nl"),
  c("Pieter Bakker", "pieter.bakker@vandenberg-logistiek.example", "nl", { organization: "Van den Berg Logistiek", phone: "+31 10 555 2030" }),
  c("Lotte Visser", "lotte.visser@example.org", "nl", { social: { facebook: "lotte.visser.1" } }),
  c("Daan Smit", "daan.smit@vandenberg-logistiek.example", "nl", { organization: "Van den Berg Logistiek" }),
  c("Eva Mertens", "eva.mertens@example.com", "nl", { social: { twitter: "@evamertens" } }),
  c("Wouter Claeys", "wouter.claeys@example.net", "nl", { phone: "+32 478 55 66 10" }),
  c("Lies Wouters", "lies.wouters@praktijk-delinde.example", "nl", { organization: "Huisartsenpraktijk De Linde" }),
  c("Bram Willems", "bram.willems@example.org", "nl", { social: { twitter: "@bramw", facebook: "bram.willems" } }),
  c("Femke Maes", "femke.maes@example.com", "nl"),
  c("Joris Hendrickx", "joris.hendrickx@example.net", "nl", { social: { facebook: "joris.hendrickx" } }),
  c("Noor Goossens", "noor.goossens@praktijk-delinde.example", "nl", { organization: "Huisartsenpraktijk De Linde" }),
  c("Tim Janssens", "tim.janssens@example.org", "nl", { social: { twitter: "@timjanssens" } }),
  c("Anouk van Dijk", "anouk.vandijk@example.com", "nl"),
  c("Ruben De Smet", "ruben.desmet@delvaux.example", "nl", { organization: "Banque Delvaux", phone: "+32 2 555 01 77" }),
  c("Els Verbeke", "els.verbeke@example.net", "nl"),
  c("Koen Peeters", "koen.peeters@example.org", "nl", { social: { twitter: "@koenp" } }),
  // English speakers (expats, international business customers)
  c("Emma Clarke", "emma.clarke@example.com", "en", { social: { twitter: "@emmaclarke" } }),
  c("Oliver Bennett", "oliver.bennett@northwind-studios.example", "en", { organization: "Northwind Studios Ltd", phone: "+44 20 7946 0101" }),
  c("Priya Shah", "priya.shah@northwind-studios.example", "en", { organization: "Northwind Studios Ltd" }),
  c("James O'Connor", "james.oconnor@example.net", "en", { social: { facebook: "james.oconnor.ie" } }),
  c("Charlotte Hughes", "charlotte.hughes@example.org", "en"),
  c("Daniel Murphy", "daniel.murphy@example.com", "en", { social: { twitter: "@dan_murphy" } }),
  c("Aisha Okafor", "aisha.okafor@example.net", "en", { social: { twitter: "@aisha_ok", facebook: "aisha.okafor" } }),
  c("Liam Walsh", "liam.walsh@example.org", "en"),
  c("Grace Thompson", "grace.thompson@delvaux.example", "en", { organization: "Banque Delvaux" }),
  c("Ethan Price", "ethan.price@example.com", "en", { social: { facebook: "ethan.price.uk" } }),
  c("Mei Lin", "mei.lin@example.net", "en"),
  c("Samuel Adeyemi", "samuel.adeyemi@northwind-studios.example", "en", { organization: "Northwind Studios Ltd" }),
  c("Hannah Fischer", "hannah.fischer@example.org", "en", { social: { twitter: "@hfischer" } }),
];

/** The demo logins worth knowing, for the console and the README (password {@link DEMO_PASSWORD}). */
export const DEMO_LOGINS: readonly { who: string; email: string }[] = [
  { who: "head of support (manager)", email: "isabelle.peeters@demo.palier.local" },
  { who: "team lead, Facturation / Billing", email: "lea.martin@demo.palier.local" },
  { who: "team lead, Support technique", email: "pieter.janssens@demo.palier.local" },
  { who: "team lead, Escalades L2", email: "marc.vandenberghe@demo.palier.local" },
  { who: "agent, billing (nl/fr/en)", email: "sanne.devos@demo.palier.local" },
  { who: "agent, social media (en/fr)", email: "ethan.brooks@demo.palier.local" },
  { who: "viewer (read-only)", email: "julie.moreau@demo.palier.local" },
  { who: "customer portal", email: DEMO_CUSTOMER_LOGIN },
];

/** A demo agent's e-mail. */
export function agentEmail(login: string): string {
  return `${login}@${DEMO_EMAIL_DOMAIN}`;
}
