// Demo conversations in French: billing, account, technical and delivery requests, angry
// escalations and short social-media posts, as Lumio's customers and agents would write them.

import { type ConversationTemplate, customer, note, reply } from "./conversation.js";

export const FRENCH: readonly ConversationTemplate[] = [
  // Facturation
  {
    topic: "billing",
    subject: "Double prélèvement sur ma facture de ce mois",
    tags: ["billing", "double-charge"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer(
        "Bonjour,\n\nJe viens de voir sur mon relevé bancaire que vous avez prélevé deux fois {amount} pour la facture {invoice}. Pouvez-vous me rembourser le second prélèvement rapidement ? Je suis à découvert à cause de ça.\n\nMerci,\n{first}",
      ),
      reply(
        "Bonjour {first},\n\nMerci pour votre message et toutes nos excuses. Je vois effectivement deux prélèvements de {amount} pour la facture {invoice}. Je lance le remboursement du second dès aujourd'hui ; il apparaîtra sur votre compte sous 3 à 5 jours ouvrables.\n\nBien à vous,\n{agent}",
      ),
      note(
        "Doublon confirmé dans l'outil de facturation (incident du lot SEPA). Remboursement {ref} créé. Si frais bancaires : geste commercial OK jusqu'à 15 €.",
      ),
      customer("Merci pour la réponse rapide. Ma banque m'a compté 12 € de frais de découvert, est-ce que vous pouvez les prendre en charge ?"),
      reply(
        "Bonjour {first},\n\nBien sûr : j'ai ajouté un avoir de 12 € sur votre prochaine facture pour couvrir ces frais. Le remboursement de {amount} est parti ce matin (référence {ref}).\n\nBonne journée,\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Facture plus élevée que prévu",
    tags: ["billing", "invoice"],
    product: "MOBILE",
    turns: [
      customer(
        "Bonjour, ma facture {invoice} est de {amount} alors que mon abonnement est à 39,99 € par mois. Je ne comprends pas d'où vient la différence. Pouvez-vous m'expliquer ?",
      ),
      reply(
        "Bonjour {first}, la différence vient de la fin de votre remise de bienvenue (6 mois à -10 €) et de deux appels vers des numéros spéciaux. Je vous joins le détail ligne par ligne. Souhaitez-vous que je bloque les numéros surtaxés sur votre ligne ?",
      ),
      customer("Ah d'accord, je n'avais pas vu que la promo se terminait. Oui, bloquez les numéros surtaxés s'il vous plaît."),
      reply(
        "C'est fait : les numéros surtaxés sont bloqués sur votre ligne depuis ce soir. N'hésitez pas si vous avez d'autres questions.\n\nBonne soirée,\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Demande de remboursement après résiliation",
    tags: ["billing", "refund", "cancellation"],
    product: "TV",
    turns: [
      customer(
        "Bonjour, j'ai résilié mon abonnement TV le mois dernier mais j'ai quand même été prélevé de {amount}. Je demande le remboursement de ce montant.",
      ),
      reply(
        "Bonjour {first}, votre résiliation a bien été enregistrée, avec le préavis d'un mois prévu au contrat. Le montant prélevé correspond à ce dernier mois. Je vous envoie le récapitulatif par e-mail.",
      ),
      customer("Personne ne m'a parlé d'un préavis au téléphone. Je trouve ça limite."),
      note("Appel de résiliation réécouté : le préavis n'a pas été mentionné par le conseiller. Remboursement à titre commercial."),
      reply(
        "Vous avez raison, le préavis ne vous a pas été annoncé lors de l'appel. Je vous rembourse donc les {amount} à titre exceptionnel (référence {ref}). Toutes nos excuses.\n\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Changement de RIB pour le prélèvement",
    tags: ["billing"],
    priority: "low",
    turns: [
      customer("Bonjour, j'ai changé de banque. Comment puis-je mettre à jour mon RIB pour les prochains prélèvements ? Merci"),
      reply(
        "Bonjour {first}, vous pouvez le modifier vous-même dans Mon Lumio > Paiement > Mandat SEPA. Si vous préférez, envoyez-moi votre nouvel IBAN en réponse et je le mets à jour pour vous.",
      ),
      customer("Je n'arrive pas à me connecter à l'appli, voici mon IBAN : BE68 5390 0754 7034."),
      reply(
        "Merci {first}, le nouveau mandat est enregistré et s'appliquera dès la prochaine facture. Pour l'appli, essayez « Mot de passe oublié » ; sinon dites-le-moi et je regarde.",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Paiement refusé – risque de coupure ?",
    tags: ["billing", "payment-failed"],
    turns: [
      customer(
        "Bonjour, j'ai reçu un SMS disant que mon paiement de {amount} a été refusé et que ma ligne risque d'être suspendue. J'ai pourtant de l'argent sur mon compte !",
      ),
      reply(
        "Bonjour {first}, pas d'inquiétude : aucune suspension n'est prévue avant 15 jours. Le refus vient de votre banque (code MS03, raison non précisée). Je relance le prélèvement demain ; vous pouvez aussi payer par carte dans Mon Lumio.",
      ),
      customer("J'ai payé par carte ce matin. C'est bon de votre côté ?"),
      reply("Oui, le paiement de {amount} est bien reçu et le rappel est annulé. Merci et bonne journée !\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Factures au nom de la société avec numéro de TVA",
    tags: ["billing", "invoice"],
    business: true,
    turns: [
      customer(
        "Bonjour, pour notre comptabilité nous avons besoin que les factures soient établies au nom de la société avec notre numéro de TVA BE0123.456.789. Pouvez-vous corriger la facture {invoice} ?",
      ),
      reply(
        "Bonjour {first}, c'est noté. J'ai mis à jour les coordonnées de facturation et réémis la facture {invoice} au nom de la société, avec votre numéro de TVA. Vous la trouverez dans votre espace client.",
      ),
      customer("Parfait, merci beaucoup."),
    ],
  },
  {
    topic: "billing",
    subject: "Hors forfait data après un séjour en Suisse",
    tags: ["billing", "roaming"],
    product: "MOBILE",
    turns: [
      customer("Bonjour, je reviens de Genève et ma facture indique {amount} de hors forfait data. Je croyais que l'Europe était incluse ?"),
      reply(
        "Bonjour {first}, la Suisse ne fait malheureusement pas partie de l'Union européenne et n'est pas couverte par le roaming inclus. Un SMS vous a été envoyé à votre arrivée, mais je comprends que le montant surprenne.",
      ),
      note("Client fidèle depuis 2017, aucun litige précédent. Geste commercial de 50 % validé."),
      customer("Je n'ai jamais reçu ce SMS. Vous ne pouvez vraiment rien faire ?"),
      reply(
        "Je vous propose un geste commercial de 50 % sur ce hors forfait, sous forme d'avoir sur votre prochaine facture. Pour vos prochains voyages, l'option Monde 1 Go à 9,99 € s'active depuis l'appli.",
      ),
      customer("D'accord, merci pour le geste."),
    ],
  },
  {
    topic: "billing",
    subject: "Prélevé alors que j'ai déjà payé par virement",
    tags: ["billing", "double-charge", "refund"],
    turns: [
      customer("Bonjour, j'ai payé la facture {invoice} par virement et vous m'avez aussi prélevé. Merci de me rembourser."),
      reply(
        "Bonjour {first}, je retrouve bien votre virement et le prélèvement. Le montant en double ({amount}) a été remboursé ce jour, référence {ref}. Le prélèvement reste votre moyen de paiement : inutile de faire un virement à l'avenir.",
      ),
    ],
  },
  // Compte
  {
    topic: "account",
    subject: "Annuler mon compte",
    tags: ["cancellation", "churn-risk"],
    turns: [
      customer(
        "Bonjour, je souhaite annuler mon compte et résilier tous mes abonnements Lumio. Je déménage à l'étranger à la fin du mois. Que dois-je faire ?",
      ),
      reply(
        "Bonjour {first}, je suis désolé de vous voir partir. Pour un déménagement à l'étranger, la résiliation se fait sans frais sur présentation d'un justificatif. Pouvez-vous me transmettre une attestation de changement d'adresse ou votre nouveau bail ?",
      ),
      customer("Voici mon attestation en pièce jointe. La date de fin souhaitée est le 30."),
      note("Justificatif OK. Résiliation programmée au 30, retour de la box par point relais."),
      reply(
        "Merci {first}, la résiliation est programmée pour le 30. Vous recevrez une étiquette de retour pour la box par e-mail. Bon déménagement !\n\n{agent}",
      ),
    ],
  },
  {
    topic: "account",
    subject: "Déménagement : transfert de ma ligne fibre",
    tags: ["moving"],
    product: "FIBRE",
    turns: [
      customer("Bonjour, je déménage le mois prochain à Namur. Est-ce que je peux garder mon abonnement fibre à la nouvelle adresse ?"),
      reply(
        "Bonjour {first}, bonne nouvelle : la nouvelle adresse est éligible à la fibre. Je peux planifier le transfert. Quelle date vous conviendrait pour l'intervention du technicien ?",
      ),
      customer("Le mardi 14 au matin si possible."),
      reply("C'est réservé : intervention le mardi 14 entre 8 h et 12 h. Vous garderez le même numéro et le même tarif.\n\nÀ bientôt,\n{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Mettre le contrat à mon nom après un décès",
    tags: ["moving"],
    priority: "high",
    turns: [
      customer("Bonjour, mon mari est décédé le mois dernier et le contrat internet est à son nom. Comment le mettre à mon nom sans couper la ligne ?"),
      reply(
        "Bonjour {first}, toutes nos condoléances. Nous pouvons transférer le contrat à votre nom sans interruption et sans frais. Il me faut simplement une copie de l'acte de décès et de votre carte d'identité, que vous pouvez envoyer en réponse à ce message.",
      ),
      note("Dossier sensible : traiter en priorité, pas de relance automatique."),
      customer("Merci pour votre gentillesse. Voici les documents."),
      reply("Merci {first}. Le contrat est maintenant à votre nom ; rien ne change pour la ligne ni pour le tarif. Prenez soin de vous.\n\n{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Suppression de mes données personnelles (RGPD)",
    tags: ["gdpr"],
    turns: [
      customer("Bonjour, je ne suis plus client depuis un an. Je demande la suppression de toutes mes données personnelles conformément au RGPD."),
      reply(
        "Bonjour {first}, nous avons bien reçu votre demande d'effacement. Nous devons conserver les factures 7 ans (obligation légale), mais toutes les autres données seront supprimées sous 30 jours. Je vous confirmerai la suppression par e-mail.",
      ),
      note("Transmis au DPO (demande interne DPO-{ref}). Échéance légale : 30 jours."),
    ],
  },
  {
    topic: "account",
    subject: "Impossible de modifier mon adresse e-mail",
    tags: ["login"],
    product: "APP",
    turns: [
      customer(
        "Bonjour, je n'ai plus accès à mon ancienne adresse e-mail et je voudrais la changer dans mon compte, mais l'appli me demande un code envoyé… à l'ancienne adresse.",
      ),
      reply(
        "Bonjour {first}, je peux faire le changement pour vous après vérification. Pouvez-vous me donner les 4 derniers chiffres de l'IBAN utilisé pour le prélèvement et votre date de naissance ?",
      ),
      customer("IBAN se terminant par 7034, né le 12 mars 1986."),
      reply("Merci, c'est vérifié. Votre adresse e-mail de connexion est mise à jour ; vous allez recevoir un lien pour choisir un nouveau mot de passe."),
    ],
  },
  // Technique
  {
    topic: "technical",
    subject: "Internet ne fonctionne pas depuis ce matin",
    tags: ["outage"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("Bonjour, depuis ce matin internet ne fonctionne plus du tout. La box affiche un voyant rouge clignotant. Je télétravaille, c'est urgent !"),
      reply(
        "Bonjour {first}, je suis désolé pour la gêne. Un incident est en cours sur le réseau fibre de votre quartier ; nos techniciens sont sur place. Le rétablissement est prévu d'ici 14 h. Je vous tiens informé.",
      ),
      note("Incident réseau INC-{ref} : fibre sectionnée lors de travaux de voirie, environ 240 clients touchés.", "L3"),
      customer("Il est 16 h et toujours rien…"),
      reply(
        "Le service est rétabli depuis 16 h 20. Pouvez-vous redémarrer votre box (débrancher 30 secondes) et me confirmer que tout fonctionne ? Un geste de 10 € sera appliqué automatiquement pour la coupure.",
      ),
      customer("Ça remarche, merci."),
    ],
  },
  {
    topic: "technical",
    subject: "La box redémarre toute seule plusieurs fois par jour",
    tags: ["router"],
    product: "BOX",
    turns: [
      customer("Bonjour, ma box Lumio redémarre toute seule 4 ou 5 fois par jour, ce qui coupe mes appels vidéo. J'ai déjà essayé de la débrancher."),
      reply(
        "Bonjour {first}, merci pour ces détails. Je vois dans nos outils que votre box a redémarré 23 fois cette semaine, ce qui indique un défaut matériel. Je vous envoie une box de remplacement ; vous la recevrez sous 48 h.",
      ),
      customer("Reçue et installée. Pas de coupure depuis hier, merci !"),
      reply("Super nouvelle, merci du retour. Pensez à renvoyer l'ancienne box avec l'étiquette fournie.\n\nBonne journée,\n{agent}"),
    ],
  },
  {
    topic: "technical",
    subject: "Pas d'image sur la TV – « Signal absent »",
    tags: ["tv"],
    product: "TV",
    turns: [
      customer("Bonsoir, depuis hier soir le décodeur affiche « Signal absent » sur toutes les chaînes. Internet marche normalement."),
      reply(
        "Bonjour {first}, essayons d'abord ceci : débranchez le décodeur 1 minute, vérifiez que le câble HDMI est bien enfoncé des deux côtés, puis rebranchez. Si le message reste, dites-moi le code affiché en bas à droite de l'écran.",
      ),
      customer("Toujours pareil. Le code est E-204."),
      note("E-204 = décodeur non appairé. Réappairage à distance fait, à confirmer avec le client."),
      reply(
        "Merci ! J'ai réappairé votre décodeur à distance. Pouvez-vous le redémarrer une dernière fois ? Les chaînes devraient revenir en quelques minutes.",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "Connexion très lente le soir",
    tags: ["router"],
    product: "FIBRE",
    turns: [
      customer("Bonjour, tous les soirs entre 20 h et 23 h le débit tombe à 5 Mb/s alors que j'ai un abonnement 500 Mb/s. En journée ça va."),
      reply(
        "Bonjour {first}, pouvez-vous faire un test de débit en filaire (câble Ethernet branché sur la box) ce soir vers 21 h et m'envoyer le résultat ? Cela nous dira si le souci vient du Wi-Fi ou de la ligne.",
      ),
      customer("En filaire j'ai 480 Mb/s. C'est donc le Wi-Fi ?"),
      reply(
        "Exactement : la ligne est bonne. Le canal Wi-Fi de votre box est saturé le soir par les réseaux voisins. Je l'ai basculé sur un canal 5 GHz moins encombré. Dites-moi si c'est mieux ce soir.",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "L'application Mon Lumio se ferme au démarrage",
    tags: ["mobile-app"],
    product: "APP",
    turns: [
      customer("Bonjour, l'application Mon Lumio se ferme dès que je l'ouvre depuis la mise à jour d'hier. Téléphone Android 14."),
      reply(
        "Bonjour {first}, merci pour votre signalement : le problème est connu sur certains appareils Android 14 et un correctif est en cours de publication. En attendant, l'espace client reste accessible depuis votre navigateur.",
      ),
      note("Bug connu APP-{ref}, correctif en version 5.2.1 prévu jeudi. Lier les tickets similaires.", "L3"),
    ],
  },
  {
    topic: "technical",
    subject: "Impossible de me connecter à mon espace client",
    tags: ["login"],
    product: "APP",
    turns: [
      customer(
        "Bonjour, je n'arrive plus à me connecter à mon espace client : « identifiants incorrects ». J'ai réinitialisé mon mot de passe deux fois et ça ne fonctionne toujours pas.",
      ),
      reply(
        "Bonjour {first}, votre compte a été verrouillé après plusieurs tentatives. Je viens de le déverrouiller. Attention : l'identifiant est votre adresse e-mail, pas votre numéro client.",
      ),
      customer("C'était ça, je mettais mon numéro client. Merci !"),
    ],
  },
  {
    topic: "technical",
    subject: "Plus de réseau depuis le changement de carte SIM",
    tags: ["outage"],
    product: "MOBILE",
    priority: "high",
    turns: [
      customer("Bonjour, j'ai activé ma nouvelle carte SIM hier soir et depuis je n'ai plus de réseau (« Appels d'urgence uniquement »)."),
      reply(
        "Bonjour {first}, l'activation de votre nouvelle SIM est restée bloquée chez notre opérateur réseau. Je l'ai relancée ; cela peut prendre jusqu'à 2 heures. Redémarrez votre téléphone ensuite.",
      ),
      note("Activation bloquée chez l'opérateur hôte, ticket fournisseur ouvert (réf. {ref}).", "external"),
      customer("Toujours rien après 3 heures…"),
      reply(
        "Désolé pour l'attente, {first}. Notre fournisseur a corrigé l'activation il y a 10 minutes. Après un redémarrage, votre ligne devrait fonctionner. Pouvez-vous me confirmer ?",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "Le Wi-Fi ne passe pas à l'étage",
    tags: ["router"],
    product: "BOX",
    priority: "low",
    turns: [
      customer("Bonjour, le Wi-Fi ne passe pas du tout dans les chambres à l'étage. Avez-vous une solution ?"),
      reply(
        "Bonjour {first}, nous proposons un répéteur Wi-Fi Lumio Mesh à 3 € par mois, qui se connecte automatiquement à votre box. Voulez-vous que je vous en envoie un ?",
      ),
      customer("Oui, allez-y."),
      reply("C'est commandé, livraison sous 3 jours ouvrables (commande {order}). Branchez-le à mi-chemin entre la box et les chambres."),
    ],
  },
  // Livraison et interventions
  {
    topic: "delivery",
    subject: "Box toujours pas livrée",
    tags: ["delivery"],
    product: "BOX",
    turns: [
      customer("Bonjour, j'ai commandé la box il y a 10 jours (commande {order}) et je n'ai toujours rien reçu. Le suivi n'a pas bougé depuis une semaine."),
      reply(
        "Bonjour {first}, je suis désolé pour ce retard. Le colis semble bloqué au centre de tri. J'ai ouvert une enquête auprès du transporteur et je vous renvoie une box en express dès aujourd'hui.",
      ),
      customer("Reçue ce matin, merci pour la réactivité."),
    ],
  },
  {
    topic: "delivery",
    subject: "Le technicien n'est jamais venu",
    tags: ["delivery", "complaint"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("Bonjour, j'ai posé une journée de congé pour l'installation de la fibre et le technicien n'est jamais venu. Personne ne m'a prévenu."),
      reply(
        "Bonjour {first}, je comprends votre mécontentement et je vous présente nos excuses. Le technicien a eu un empêchement et l'annulation ne vous a pas été transmise. Je vous propose un nouveau rendez-vous prioritaire jeudi matin, ainsi qu'un avoir de 30 €.",
      ),
      note("Sous-traitant : 3e rendez-vous manqué ce mois-ci dans ce secteur. Remonté au chef d'équipe."),
      customer("D'accord pour jeudi, mais j'espère que cette fois il viendra."),
      reply("Le rendez-vous est confirmé jeudi entre 8 h et 12 h ; le technicien vous appellera 30 minutes avant.\n\n{agent}"),
    ],
  },
  {
    topic: "delivery",
    subject: "Répéteur reçu cassé",
    tags: ["delivery"],
    product: "BOX",
    priority: "low",
    turns: [
      customer("Bonjour, le répéteur Wi-Fi est arrivé avec le boîtier cassé. Je vous joins une photo."),
      reply(
        "Bonjour {first}, merci pour la photo. Je vous envoie un nouveau répéteur aujourd'hui et une étiquette de retour pour l'appareil abîmé. Désolé pour ce désagrément.",
      ),
    ],
  },
  // Escalades
  {
    topic: "technical",
    subject: "Réclamation – troisième coupure ce mois-ci, c'est inacceptable",
    tags: ["complaint", "outage", "churn-risk"],
    product: "FIBRE",
    priority: "high",
    escalate: "troisième panne du mois, le client menace de partir",
    turns: [
      customer(
        "Bonjour,\n\nC'est la troisième coupure internet ce mois-ci. Je travaille à domicile et j'ai perdu deux jours de travail. C'est tout simplement inacceptable. Je veux un dédommagement sérieux, sinon je résilie et je pars chez un concurrent.",
      ),
      note("Client à risque de départ. 3 incidents réseau en 4 semaines confirmés. Escalade L2 pour geste commercial."),
      reply(
        "Bonjour {first},\n\nJe comprends votre exaspération et je vous présente nos excuses. J'ai confirmé les trois coupures sur votre ligne. Je vous propose le remboursement intégral de ce mois-ci ({amount}) et le passage d'un technicien cette semaine pour vérifier votre raccordement.",
      ),
      customer("Le remboursement, c'est un début. Mais je veux la garantie que ça ne se reproduira pas."),
      reply(
        "Le technicien a remplacé le boîtier de raccordement défectueux de votre rue, qui causait les coupures. Nous suivrons votre ligne de près pendant un mois.\n\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Mise en demeure – je transmets le dossier à mon avocat",
    tags: ["complaint", "legal", "cancellation"],
    priority: "high",
    escalate: "menace juridique : avocat et médiateur des télécoms",
    turns: [
      customer(
        "Madame, Monsieur,\n\nMalgré quatre appels et deux e-mails, vous continuez à me facturer un abonnement résilié depuis trois mois. Sans régularisation sous huit jours, je transmets le dossier à mon avocat et je saisis le médiateur des télécommunications.",
      ),
      note("Mention d'avocat et de médiateur : escalade obligatoire en L2. Résiliation bien enregistrée mais jamais transmise à la facturation."),
      reply(
        "Madame, Monsieur,\n\nVous avez entièrement raison et je vous prie de nous excuser. Votre résiliation n'a pas été prise en compte par notre facturation. J'ai arrêté tous les prélèvements et lancé le remboursement des trois mois facturés à tort ({amount}). Vous recevrez une confirmation écrite aujourd'hui.\n\n{agent}",
      ),
      customer("Je prends acte. J'attends le remboursement avant de clore ce dossier."),
      reply(
        "Le remboursement a été effectué ce jour (référence {ref}). N'hésitez pas à me répondre directement si quoi que ce soit reste en suspens.\n\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Plainte : conseiller désagréable au téléphone",
    tags: ["complaint"],
    escalate: "plainte sur le comportement d'un conseiller",
    turns: [
      customer(
        "Bonjour, j'ai appelé hier pour un problème de facture et le conseiller m'a raccroché au nez après m'avoir parlé très sèchement. Je trouve ce comportement inadmissible.",
      ),
      reply(
        "Bonjour {first}, je suis sincèrement désolé pour cet échange. Ce n'est pas ainsi que nous voulons traiter nos clients. J'ai transmis votre retour au responsable de l'équipe concernée et je reprends personnellement votre question de facture.",
      ),
      note("Appel retrouvé et réécouté. Retour fait au superviseur ; accompagnement prévu pour le conseiller."),
      customer("Merci de m'avoir écouté. Et pour la facture alors ?"),
      reply("La facture {invoice} comportait bien une erreur : un avoir de {amount} a été émis. Merci encore d'avoir pris le temps de nous écrire."),
    ],
  },
  {
    topic: "technical",
    subject: "URGENT – toute l'agence est sans internet",
    tags: ["outage"],
    product: "FIBRE",
    priority: "urgent",
    business: true,
    escalate: "client professionnel à l'arrêt, SLA de 4 heures",
    turns: [
      customer(
        "Bonjour, notre agence n'a plus aucun accès internet depuis 8 h. Quarante personnes sont bloquées et les terminaux de paiement ne fonctionnent plus. Merci d'intervenir en urgence.",
      ),
      note("Client entreprise, contrat SLA 4 h. Technicien dépêché, ligne de secours 4G activée à distance."),
      reply(
        "Bonjour {first}, nous avons activé votre ligne de secours 4G à distance : vos postes devraient retrouver une connexion dans quelques minutes. Un technicien sera sur place avant 11 h pour la ligne principale.",
      ),
      customer("La 4G fonctionne, merci. Le technicien est arrivé."),
      reply("La ligne principale est rétablie (carte optique remplacée). Nous vous enverrons un rapport d'incident détaillé d'ici demain.\n\n{agent}"),
    ],
  },
  // Réseaux sociaux
  {
    topic: "technical",
    subject: "Plus d'internet depuis 2 jours",
    tags: ["outage"],
    product: "FIBRE",
    social: true,
    turns: [
      customer("@Lumio_help ça fait 2 jours que je n'ai plus internet et personne ne répond au téléphone. Super service 👏"),
      reply(
        "Bonjour {first}, désolés pour cette attente. Pouvez-vous nous envoyer votre numéro client en message privé ? Nous regardons tout de suite. ^{agent}",
      ),
      customer("Envoyé en MP."),
      reply("Merci ! Un technicien passe demain matin, vous recevrez un SMS de confirmation. ^{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Prélevée deux fois ce mois-ci",
    tags: ["double-charge"],
    social: true,
    turns: [
      customer("Prélevée deux fois ce mois-ci par @Lumio_help 😡 on fait comment ?"),
      reply(
        "Bonjour {first}, nous sommes désolés ! Écrivez-nous en message privé avec votre numéro client : on vérifie et on rembourse si c'est une erreur. ^{agent}",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "La Ligue des champions sur Lumio TV ?",
    tags: ["tv"],
    product: "TV",
    priority: "low",
    social: true,
    turns: [
      customer("Est-ce que @Lumio_help diffuse la Ligue des champions cette saison ? Je ne trouve pas l'info."),
      reply("Bonjour {first} ! Oui, tous les matchs sont dans le pack Sport, activable depuis le menu Options de votre décodeur. Bon match ! ^{agent}"),
    ],
  },
  {
    topic: "delivery",
    subject: "Merci pour l'installation",
    tags: [],
    product: "FIBRE",
    priority: "low",
    social: true,
    turns: [
      customer("Technicien @Lumio_help au top ce matin, fibre installée en 1 h. Merci !"),
      reply("Merci beaucoup {first}, nous transmettons vos compliments au technicien ! Bonne navigation ^{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Résiliation impossible depuis 3 semaines",
    tags: ["cancellation", "complaint"],
    social: true,
    escalate: "plainte publique, le client cite le médiateur",
    turns: [
      customer("3 semaines que j'essaie de résilier chez @Lumio_help. Aucun retour. Prochaine étape : plainte au médiateur. Inacceptable."),
      reply(
        "Bonjour {first}, nous sommes vraiment désolés. Nous prenons votre dossier en main : pouvez-vous nous écrire en MP avec votre numéro client ? ^{agent}",
      ),
      customer("C'est fait."),
      reply(
        "Merci {first}, votre résiliation est enregistrée à la date demandée et la confirmation arrive par e-mail. Toutes nos excuses pour ce parcours. ^{agent}",
      ),
    ],
  },
];
