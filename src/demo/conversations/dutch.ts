// Demo conversations in Dutch (Flemish and Netherlands customers): billing, account, technical
// and delivery requests, angry escalations and short social-media posts.

import { type ConversationTemplate, customer, note, reply } from "./conversation.js";

export const DUTCH: readonly ConversationTemplate[] = [
  // Facturatie
  {
    topic: "billing",
    subject: "Dubbele afschrijving van mijn factuur",
    tags: ["billing", "double-charge"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer(
        "Goedendag,\n\nIk zie op mijn rekeningafschrift dat {amount} twee keer is afgeschreven voor factuur {invoice}. Kunnen jullie het dubbele bedrag zo snel mogelijk terugstorten?\n\nMet vriendelijke groet,\n{first}",
      ),
      reply(
        "Beste {first},\n\nExcuses voor het ongemak. Ik zie inderdaad twee afschrijvingen van {amount}. De tweede wordt vandaag teruggestort; reken op 3 tot 5 werkdagen.\n\nVriendelijke groeten,\n{agent}",
      ),
      note("Dubbele SEPA-incasso bevestigd (fout in de batch). Terugbetaling {ref} aangemaakt."),
      customer("Bedankt, het geld staat er weer op."),
    ],
  },
  {
    topic: "billing",
    subject: "Betaling mislukt – wordt mijn aansluiting afgesloten?",
    tags: ["billing", "payment-failed"],
    turns: [
      customer("Hallo, ik kreeg een sms dat mijn betaling van {amount} mislukt is. Er staat genoeg op mijn rekening. Wordt mijn internet nu afgesloten?"),
      reply(
        "Hallo {first}, geen zorgen: we sluiten niets af. De bank heeft de incasso geweigerd (code AM04). We proberen het over drie dagen opnieuw, of u kunt meteen betalen met Bancontact in Mijn Lumio.",
      ),
      customer("Ik heb net via Bancontact betaald."),
      reply("Top, de betaling is binnen en de herinnering is geannuleerd. Fijne dag!\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Waarom is mijn factuur zo hoog?",
    tags: ["billing", "invoice"],
    product: "MOBILE",
    turns: [
      customer("Mijn factuur {invoice} is {amount}, terwijl mijn abonnement maar 45 euro kost. Wat is dit?"),
      reply(
        "Dag {first}, het verschil komt van extra data buiten uw bundel (3,2 GB). Ik stuur u het detail. Wilt u dat ik een datalimiet instel zodat dit niet meer gebeurt?",
      ),
      customer("Ja graag, stel maar een limiet in."),
      reply("Gedaan: uw mobiele data stopt voortaan aan het einde van uw bundel en u krijgt dan een sms om bij te kopen."),
    ],
  },
  {
    topic: "billing",
    subject: "Terugbetaling na opzegging nog steeds niet ontvangen",
    tags: ["billing", "refund"],
    turns: [
      customer(
        "Goedemiddag, ik heb mijn abonnement twee maanden geleden opgezegd en er is me een terugbetaling van {amount} beloofd. Ik heb nog steeds niets ontvangen.",
      ),
      reply(
        "Goedemiddag {first}, ik heb het nagekeken: de terugbetaling stond klaar, maar uw IBAN ontbrak in ons systeem. Kunt u het rekeningnummer bevestigen waarop we mogen terugstorten?",
      ),
      customer("BE68 5390 0754 7034, op mijn naam."),
      note("IBAN toegevoegd, terugbetaling {ref} manueel vrijgegeven."),
      reply("Dank u. De terugbetaling van {amount} is vandaag vertrokken (referentie {ref}). Excuses voor het lange wachten."),
    ],
  },
  {
    topic: "billing",
    subject: "Factuur op bedrijfsnaam met btw-nummer",
    tags: ["billing", "invoice"],
    business: true,
    turns: [
      customer(
        "Beste, voor onze boekhouding moeten de facturen op naam van het bedrijf staan, met ons btw-nummer NL123456789B01. Kunnen jullie factuur {invoice} aanpassen?",
      ),
      reply(
        "Beste {first}, de facturatiegegevens zijn aangepast en factuur {invoice} is opnieuw opgemaakt op bedrijfsnaam. U vindt hem in Mijn Lumio onder Facturen.",
      ),
      customer("Prima, dank je wel."),
    ],
  },
  {
    topic: "billing",
    subject: "Domiciliëring wijzigen naar nieuwe bank",
    tags: ["billing"],
    priority: "low",
    turns: [
      customer("Hallo, ik ben van bank veranderd. Hoe wijzig ik mijn domiciliëring?"),
      reply("Hallo {first}, dat kan in Mijn Lumio via Betalen > Domiciliëring. Lukt het niet, stuur me dan uw nieuwe IBAN en ik pas het voor u aan."),
      customer("Gelukt via de app, bedankt!"),
    ],
  },
  {
    topic: "billing",
    subject: "Roamingkosten na vakantie in Turkije",
    tags: ["billing", "roaming"],
    product: "MOBILE",
    turns: [
      customer("Ik was een week in Turkije en nu staat er {amount} aan roamingkosten op mijn factuur. Dat is absurd veel."),
      reply(
        "Dag {first}, Turkije valt buiten de EU-roamingzone, daarom werd data apart aangerekend. U kreeg bij aankomst een sms met de tarieven, maar ik begrijp dat het bedrag schrikt.",
      ),
      note("Klant sinds 2015, geen eerdere betwistingen. Commerciële geste van 50% goedgekeurd."),
      customer("Die sms heb ik nooit gezien. Kunnen jullie echt niets doen?"),
      reply(
        "Ik heb eenmalig de helft van de roamingkosten gecrediteerd op uw volgende factuur. Voor volgende reizen kunt u de optie Wereld 1 GB activeren in de app.",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Beloofde creditnota ontbreekt",
    tags: ["billing", "invoice"],
    turns: [
      customer("Goedemorgen, jullie hebben een creditnota beloofd voor de storing van vorige week, maar ik zie niets op mijn nieuwe factuur {invoice}."),
      reply(
        "Goedemorgen {first}, u heeft gelijk: de creditnota was aangemaakt maar niet gekoppeld. Ik heb dat rechtgezet; het bedrag van {amount} wordt verrekend op uw volgende factuur.",
      ),
    ],
  },
  // Account
  {
    topic: "account",
    subject: "Abonnement opzeggen",
    tags: ["cancellation", "churn-risk"],
    turns: [
      customer("Goedendag, ik wil mijn abonnement opzeggen. Ik ga samenwonen en mijn partner heeft al internet. Hoe gaat dat in zijn werk?"),
      reply(
        "Dag {first}, jammer dat u vertrekt! Opzeggen kan kosteloos met een opzegtermijn van één maand. Zal ik de opzegging inplannen op het einde van volgende maand? Dan krijgt u een retourlabel voor de modem.",
      ),
      customer("Ja, dat is goed."),
      reply("De opzegging staat ingepland. U ontvangt de bevestiging en het retourlabel per e-mail. Veel geluk in jullie nieuwe huis!\n\n{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Verhuizing: internet meenemen naar nieuw adres",
    tags: ["moving"],
    product: "FIBRE",
    turns: [
      customer("Hallo, wij verhuizen begin volgende maand naar Gent. Kunnen we ons internetabonnement meenemen?"),
      reply("Hallo {first}, uw nieuwe adres is aangesloten op ons glasvezelnetwerk. Welke datum past voor de installatie door de technicus?"),
      customer("Liefst op de 2e, in de voormiddag."),
      reply("Afgesproken: de technicus komt op de 2e tussen 8 en 12 uur. U houdt hetzelfde tarief en dezelfde logingegevens."),
    ],
  },
  {
    topic: "account",
    subject: "Contract overzetten op mijn naam",
    tags: ["moving"],
    turns: [
      customer("Mijn moeder is naar een woonzorgcentrum verhuisd en ik neem haar huis over. Kan het contract op mijn naam gezet worden zonder onderbreking?"),
      reply(
        "Dag {first}, dat kan zonder onderbreking en zonder kosten. Ik heb een overdrachtsformulier nodig, ondertekend door uw moeder en uzelf. Ik stuur het u per e-mail.",
      ),
      customer("Het getekende formulier zit in bijlage."),
      reply("Bedankt, de overdracht is verwerkt. Vanaf de volgende factuur staat alles op uw naam."),
    ],
  },
  {
    topic: "account",
    subject: "Verzoek om verwijdering van mijn gegevens (AVG)",
    tags: ["gdpr"],
    turns: [
      customer("Ik ben geen klant meer en wil dat al mijn persoonsgegevens verwijderd worden volgens de AVG."),
      reply(
        "Beste {first}, we hebben uw verzoek ontvangen. Facturen moeten we wettelijk 7 jaar bewaren; al uw andere gegevens worden binnen 30 dagen gewist. U krijgt een bevestiging per e-mail.",
      ),
      note("Doorgestuurd naar de DPO (intern {ref}). Wettelijke termijn: 30 dagen."),
    ],
  },
  {
    topic: "account",
    subject: "Wachtwoord vergeten en geen toegang meer tot mijn e-mail",
    tags: ["login"],
    product: "APP",
    turns: [
      customer("Ik kan niet meer inloggen in Mijn Lumio en de resetmail gaat naar een oud e-mailadres dat ik niet meer heb."),
      reply("Dag {first}, ik kan uw e-mailadres aanpassen na een korte controle. Kunt u de laatste 4 cijfers van uw IBAN en uw geboortedatum doorgeven?"),
      customer("7034 en 3 mei 1979."),
      reply("Bedankt, geverifieerd. Uw nieuwe e-mailadres is ingesteld en u ontvangt zo meteen een link om een nieuw wachtwoord te kiezen."),
    ],
  },
  // Technisch
  {
    topic: "technical",
    subject: "Internet werkt niet meer sinds vanochtend",
    tags: ["outage"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("Sinds vanochtend werkt internet helemaal niet meer. Het lampje op de modem knippert rood. Ik moet thuiswerken!"),
      reply(
        "Dag {first}, er is een storing in uw buurt door een beschadigde glasvezelkabel bij wegenwerken. Onze technici zijn ter plaatse; we verwachten herstel tegen 15 uur.",
      ),
      note("Netwerkincident INC-{ref}, ongeveer 180 klanten getroffen.", "L3"),
      customer("Het is 17 uur en nog steeds niets."),
      reply(
        "Excuses voor de vertraging. De verbinding is hersteld sinds 17.10 uur. Wilt u de modem even herstarten en laten weten of alles werkt? U krijgt automatisch een compensatie van 10 euro.",
      ),
      customer("Alles werkt weer, dank je."),
    ],
  },
  {
    topic: "technical",
    subject: "Modem valt steeds uit",
    tags: ["router"],
    product: "BOX",
    turns: [
      customer("Mijn Lumio-modem valt meerdere keren per dag uit. Ik heb hem al gereset, maar het helpt niet."),
      reply(
        "Dag {first}, in onze systemen zie ik dat uw modem deze week 19 keer herstart is. Dat wijst op een hardwarefout. Ik stuur u vandaag een nieuwe modem.",
      ),
      customer("Nieuwe modem aangesloten, sindsdien geen problemen meer."),
      reply("Fijn om te horen! Vergeet niet de oude modem terug te sturen met het bijgevoegde label."),
    ],
  },
  {
    topic: "technical",
    subject: "Tv-decoder: 'Geen signaal' op alle zenders",
    tags: ["tv"],
    product: "TV",
    turns: [
      customer("Mijn decoder toont sinds gisteren 'Geen signaal' op alle zenders. Internet werkt gewoon."),
      reply(
        "Dag {first}, kunt u de decoder één minuut uittrekken, de HDMI-kabel controleren en hem opnieuw opstarten? Blijft het probleem, geef me dan de foutcode rechtsonder in beeld.",
      ),
      customer("Nog steeds hetzelfde, code E-204."),
      note("E-204: decoder niet gekoppeld. Op afstand opnieuw gekoppeld."),
      reply("Dank u! Ik heb de decoder op afstand opnieuw gekoppeld. Na een herstart zouden de zenders binnen enkele minuten terug moeten zijn."),
    ],
  },
  {
    topic: "technical",
    subject: "Wifi erg traag 's avonds",
    tags: ["router"],
    product: "FIBRE",
    turns: [
      customer("Elke avond zakt mijn snelheid naar een paar Mbps, terwijl ik 1 Gbps heb. Overdag is het prima."),
      reply(
        "Dag {first}, kunt u vanavond rond 21 uur een snelheidstest doen met een netwerkkabel rechtstreeks op de modem? Dan weten we of het aan de wifi of aan de lijn ligt.",
      ),
      customer("Met kabel haal ik 930 Mbps."),
      reply(
        "Dan is de lijn in orde en ligt het aan de wifi: uw kanaal wordt 's avonds verstoord door de buren. Ik heb uw modem op een rustiger 5 GHz-kanaal gezet. Laat u weten of het beter is?",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "App Mijn Lumio crasht na update",
    tags: ["mobile-app"],
    product: "APP",
    turns: [
      customer("De app Mijn Lumio sluit meteen af sinds de laatste update. iPhone 15, iOS 18."),
      reply(
        "Dag {first}, dit is een bekend probleem met de laatste update; de oplossing komt deze week uit. Intussen kunt u Mijn Lumio gebruiken via de browser.",
      ),
      note("Bekende bug APP-{ref}, oplossing in versie 5.2.1.", "L3"),
    ],
  },
  {
    topic: "technical",
    subject: "Inloggen lukt niet",
    tags: ["login"],
    product: "APP",
    turns: [
      customer("Ik krijg steeds 'ongeldige gegevens' bij het inloggen, terwijl mijn wachtwoord echt klopt. Het werkt niet!"),
      reply(
        "Dag {first}, uw account werd tijdelijk geblokkeerd na te veel pogingen. Ik heb het vrijgegeven. Let op: de gebruikersnaam is uw e-mailadres, niet uw klantnummer.",
      ),
      customer("Dat was het, het werkt nu. Bedankt!"),
    ],
  },
  {
    topic: "technical",
    subject: "Geen bereik met nieuwe simkaart",
    tags: ["outage"],
    product: "MOBILE",
    priority: "high",
    turns: [
      customer("Ik heb gisteren mijn nieuwe simkaart geactiveerd en sindsdien heb ik geen bereik ('Alleen noodoproepen')."),
      reply(
        "Dag {first}, de activatie van uw simkaart is blijven hangen bij onze netwerkpartner. Ik heb ze opnieuw gestart; het kan tot 2 uur duren. Herstart daarna uw telefoon.",
      ),
      note("Activatie geblokkeerd bij de netwerkpartner, leveranciersticket {ref}.", "external"),
      customer("Na 3 uur nog steeds niets…"),
      reply("Sorry voor het wachten. Onze partner heeft de activatie nu rechtgezet. Na een herstart zou alles moeten werken. Kunt u dat bevestigen?"),
    ],
  },
  {
    topic: "technical",
    subject: "Slecht bereik binnenshuis",
    tags: [],
    product: "MOBILE",
    priority: "low",
    turns: [
      customer("Binnen in huis heb ik bijna geen 4G-bereik, buiten wel. Kan daar iets aan gedaan worden?"),
      reply("Dag {first}, u kunt wifi-bellen gebruiken; dat is gratis bij Lumio en lost dit meestal op. Zal ik het op uw lijn activeren?"),
      customer("Ja graag."),
      reply("Wifi-bellen is geactiveerd. Zet het ook aan op uw telefoon via Instellingen > Mobiel netwerk > Wifi-bellen."),
    ],
  },
  // Levering en installatie
  {
    topic: "delivery",
    subject: "Bestelling nog steeds niet geleverd",
    tags: ["delivery"],
    product: "BOX",
    turns: [
      customer("Ik heb 9 dagen geleden een modem besteld (bestelling {order}) en nog steeds niets ontvangen. De track & trace staat al een week stil."),
      reply(
        "Dag {first}, excuses voor de vertraging. Het pakket zit vast in het sorteercentrum. Ik heb een onderzoek gestart bij de vervoerder en stuur u vandaag een nieuwe modem per express.",
      ),
      customer("Vanochtend ontvangen, bedankt voor de snelle actie."),
    ],
  },
  {
    topic: "delivery",
    subject: "Monteur is niet komen opdagen",
    tags: ["delivery", "complaint"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("Ik had een dag vrij genomen voor de installatie en de monteur is nooit gekomen. Niemand heeft me verwittigd. Dit is echt niet oké."),
      reply(
        "Dag {first}, ik begrijp uw frustratie en bied onze excuses aan. De monteur kon niet komen en die annulering is niet aan u doorgegeven. Ik stel een nieuwe afspraak met voorrang voor op donderdagochtend, plus een tegoed van 30 euro.",
      ),
      note("Onderaannemer: derde gemiste afspraak deze maand in deze regio. Gemeld aan de teamleider."),
      customer("Donderdag is goed."),
      reply("De afspraak staat vast voor donderdag tussen 8 en 12 uur; de monteur belt u een half uur vooraf."),
    ],
  },
  {
    topic: "delivery",
    subject: "Pakket beschadigd aangekomen",
    tags: ["delivery"],
    product: "BOX",
    priority: "low",
    turns: [
      customer("De wifi-versterker is beschadigd aangekomen, de behuizing is gebarsten. Foto in bijlage."),
      reply("Dag {first}, bedankt voor de foto. Ik stuur vandaag een nieuwe versterker en een retourlabel voor het beschadigde toestel."),
    ],
  },
  // Escalaties
  {
    topic: "technical",
    subject: "Klacht: derde storing deze maand",
    tags: ["complaint", "outage", "churn-risk"],
    product: "FIBRE",
    priority: "high",
    escalate: "derde storing deze maand, de klant dreigt op te zeggen",
    turns: [
      customer(
        "Dit is de derde storing deze maand. Ik werk van thuis en ben twee werkdagen kwijt. Dit is onaanvaardbaar. Ik wil een serieuze compensatie of ik stap over naar een andere provider.",
      ),
      note("Klant met vertrekrisico. 3 netwerkincidenten in 4 weken bevestigd. Escalatie naar L2 voor compensatie."),
      reply(
        "Dag {first}, ik begrijp uw frustratie volkomen en bied onze excuses aan. Ik heb de drie storingen op uw lijn bevestigd. Ik stel voor deze maand volledig terug te betalen ({amount}) en deze week een technicus uw aansluiting te laten controleren.",
      ),
      customer("Goed, maar ik wil zeker zijn dat het niet opnieuw gebeurt."),
      reply("De technicus heeft de defecte verdeelkast in uw straat vervangen; die veroorzaakte de storingen. We volgen uw lijn een maand lang op.\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Formele klacht – ik schakel de Ombudsman en mijn advocaat in",
    tags: ["complaint", "legal", "cancellation"],
    priority: "high",
    escalate: "juridische dreiging: advocaat en de ombudsdienst telecom",
    turns: [
      customer(
        "Geachte,\n\nOndanks vier telefoontjes en twee e-mails blijven jullie een abonnement aanrekenen dat ik drie maanden geleden heb opgezegd. Als dit niet binnen acht dagen is rechtgezet, dien ik een klacht in bij de Ombudsman voor telecommunicatie en schakel ik mijn advocaat in.",
      ),
      note("Ombudsman en advocaat vermeld: verplichte escalatie naar L2. Opzegging geregistreerd maar niet doorgegeven aan facturatie."),
      reply(
        "Geachte {first},\n\nU heeft volkomen gelijk en onze excuses daarvoor. Uw opzegging was niet doorgegeven aan onze facturatie. Alle domiciliëringen zijn stopgezet en de drie onterecht aangerekende maanden ({amount}) worden terugbetaald. U ontvangt vandaag een schriftelijke bevestiging.\n\n{agent}",
      ),
      customer("Ik wacht de terugbetaling af."),
      reply(
        "De terugbetaling is vandaag uitgevoerd (referentie {ref}). Mocht er nog iets openstaan, antwoord dan gerust rechtstreeks op deze e-mail.\n\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Klacht over onvriendelijke medewerker",
    tags: ["complaint"],
    escalate: "klacht over het gedrag van een medewerker",
    turns: [
      customer("Ik heb gisteren gebeld over mijn factuur en de medewerker was ronduit onbeleefd en heeft gewoon opgehangen. Dit pik ik niet."),
      reply(
        "Dag {first}, het spijt me oprecht. Zo willen wij niet met klanten omgaan. Ik heb uw melding doorgegeven aan de teamverantwoordelijke en neem uw factuurvraag zelf op.",
      ),
      note("Gesprek teruggevonden en beluisterd. Feedback aan de supervisor gegeven."),
      customer("Bedankt dat u luistert. En mijn factuur?"),
      reply("Er stond inderdaad een fout op factuur {invoice}. Er is een creditnota van {amount} opgemaakt."),
    ],
  },
  {
    topic: "technical",
    subject: "DRINGEND – volledige storing in ons distributiecentrum",
    tags: ["outage"],
    product: "FIBRE",
    priority: "urgent",
    business: true,
    escalate: "zakelijke klant zonder dienst, SLA van 4 uur",
    turns: [
      customer("Ons distributiecentrum heeft sinds 7 uur geen internet. De scanners en het ordersysteem liggen plat. Graag dringend actie!"),
      note("Zakelijke klant, SLA 4 uur. Technicus onderweg, 4G-back-up op afstand geactiveerd."),
      reply(
        "Dag {first}, we hebben uw 4G-back-uplijn op afstand geactiveerd; binnen enkele minuten zouden de systemen weer verbinding moeten hebben. Een technicus is voor 10 uur ter plaatse voor de hoofdlijn.",
      ),
      customer("De back-up werkt, de technicus is er."),
      reply("De hoofdlijn is hersteld (optische kaart vervangen). U ontvangt morgen een gedetailleerd incidentrapport.\n\n{agent}"),
    ],
  },
  // Sociale media
  {
    topic: "technical",
    subject: "Al 2 dagen geen internet",
    tags: ["outage"],
    product: "FIBRE",
    social: true,
    turns: [
      customer("@Lumio_help al twee dagen geen internet en niemand neemt op 🙄 top service"),
      reply("Dag {first}, sorry voor het wachten! Stuur je ons je klantnummer in een privébericht? Dan kijken we het meteen na. ^{agent}"),
      customer("Verstuurd via DM."),
      reply("Bedankt! Er komt morgenochtend een technicus langs, je krijgt een bevestiging per sms. ^{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Twee keer betaald deze maand??",
    tags: ["double-charge"],
    social: true,
    turns: [
      customer("Deze maand twee keer afgeschreven door @Lumio_help 😡 hoe los ik dit op?"),
      reply("Dag {first}, sorry daarvoor! Stuur ons een DM met je klantnummer, dan kijken we het na en storten we terug als het een fout is. ^{agent}"),
    ],
  },
  {
    topic: "technical",
    subject: "Champions League op Lumio TV?",
    tags: ["tv"],
    product: "TV",
    priority: "low",
    social: true,
    turns: [
      customer("Zenden jullie de Champions League dit seizoen @Lumio_help? Kan het nergens vinden."),
      reply("Dag {first}! Ja, alle wedstrijden zitten in het Sportpakket, te activeren via Opties op je decoder. Veel kijkplezier! ^{agent}"),
    ],
  },
  {
    topic: "delivery",
    subject: "Complimenten voor de monteur",
    tags: [],
    product: "FIBRE",
    priority: "low",
    social: true,
    turns: [
      customer("Monteur van @Lumio_help vanochtend was top, glasvezel in een uurtje geïnstalleerd. Bedankt!"),
      reply("Wat leuk om te horen, {first}! We geven je complimenten door aan de monteur. ^{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Opzeggen lukt al 3 weken niet",
    tags: ["cancellation", "complaint"],
    social: true,
    escalate: "publieke klacht, de klant noemt de ombudsdienst",
    turns: [
      customer("Al 3 weken probeer ik op te zeggen bij @Lumio_help. Geen reactie. Volgende stap: klacht bij de ombudsman. Schandalig."),
      reply("Dag {first}, dat is echt niet de bedoeling. We nemen je dossier persoonlijk op: stuur je ons een DM met je klantnummer? ^{agent}"),
      customer("Gedaan."),
      reply("Bedankt {first}, je opzegging is geregistreerd op de gevraagde datum; de bevestiging volgt per e-mail. Excuses voor de moeite. ^{agent}"),
    ],
  },
];
