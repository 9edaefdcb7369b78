// Demo conversations in English (expats and international business customers): billing,
// account, technical and delivery requests, angry escalations and short social-media posts.

import { type ConversationTemplate, customer, note, reply } from "./conversation.js";

export const ENGLISH: readonly ConversationTemplate[] = [
  // Billing
  {
    topic: "billing",
    subject: "Charged twice for this month's bill",
    tags: ["billing", "double-charge"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer(
        "Hi,\n\nI've just noticed you took {amount} from my account twice for invoice {invoice}. Could you please refund the second payment as soon as possible? It's pushed me into my overdraft.\n\nThanks,\n{first}",
      ),
      reply(
        "Hi {first},\n\nI'm sorry about this. I can see the two payments of {amount} and I've issued a refund for the duplicate today. It should reach your account within 3–5 working days.\n\nKind regards,\n{agent}",
      ),
      note("Duplicate direct debit confirmed (SEPA batch incident). Refund {ref} created. Goodwill credit up to €15 approved if bank fees."),
      customer("Thanks for the quick reply. My bank charged me €12 in overdraft fees — can you cover that?"),
      reply(
        "Of course: I've added a €12 credit to your next bill to cover the fees. The {amount} refund went out this morning (reference {ref}).\n\nBest,\n{agent}",
      ),
    ],
  },
  {
    topic: "billing",
    subject: "Refund still not received after cancelling",
    tags: ["billing", "refund"],
    turns: [
      customer("Hello, I cancelled my TV package six weeks ago and was told I'd get a refund of {amount}. Nothing has arrived yet. Can you check?"),
      reply(
        "Hi {first}, I've looked into it: the refund was approved but stuck because we didn't have your bank details on file. Could you confirm the IBAN you'd like it paid to?",
      ),
      customer("Sure, it's BE68 5390 0754 7034."),
      note("IBAN added, refund {ref} released manually."),
      reply("Thanks {first}. The refund of {amount} was sent today (reference {ref}). Apologies for the delay."),
    ],
  },
  {
    topic: "billing",
    subject: "Payment failed – will my service be cut off?",
    tags: ["billing", "payment-failed"],
    turns: [
      customer("I got a text saying my payment of {amount} failed and my line may be suspended. There's definitely money in my account. What's going on?"),
      reply(
        "Hi {first}, don't worry — nothing will be suspended. Your bank rejected the direct debit (reason code AM04). We'll retry in three days, or you can pay straight away by card in My Lumio.",
      ),
      customer("I've just paid by card."),
      reply("Perfect, the payment is through and the reminder is cancelled. Have a good day!\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Why is my bill so high this month?",
    tags: ["billing", "invoice"],
    product: "MOBILE",
    turns: [
      customer("My invoice {invoice} is {amount} but my plan is only €35 a month. Can you explain the difference?"),
      reply(
        "Hi {first}, the difference comes from your introductory discount ending and 2.4 GB of data used beyond your allowance. I've attached the itemised breakdown. Would you like me to set a data cap so it can't happen again?",
      ),
      customer("Yes please, set the cap."),
      reply("Done: your data now stops at the end of your allowance and you'll get a text offering a top-up instead."),
    ],
  },
  {
    topic: "billing",
    subject: "VAT invoices for our company",
    tags: ["billing", "invoice"],
    business: true,
    turns: [
      customer("Hello, our finance team needs our invoices issued to the company with our VAT number GB123456789. Could you reissue invoice {invoice}?"),
      reply(
        "Hi {first}, I've updated the billing details and reissued {invoice} in the company's name with your VAT number. It's available in My Lumio under Invoices.",
      ),
      customer("Great, thank you."),
    ],
  },
  {
    topic: "billing",
    subject: "Roaming charges after a trip to the US",
    tags: ["billing", "roaming"],
    product: "MOBILE",
    turns: [
      customer("I spent a week in New York and now there's {amount} of roaming charges on my bill. That's outrageous for a few maps and messages."),
      reply(
        "Hi {first}, the US isn't covered by EU roaming, so data was charged at the World rate. A text with the rates was sent when you arrived, but I understand the amount is a shock.",
      ),
      note("Customer since 2019, no previous disputes. 50% goodwill credit approved."),
      customer("I never saw that text. Is there really nothing you can do?"),
      reply(
        "I've applied a one-off credit of half the roaming charges to your next bill. For future trips, the World 1 GB add-on can be switched on in the app for €9.99.",
      ),
      customer("OK, thanks for that."),
    ],
  },
  {
    topic: "billing",
    subject: "Direct debit set up on the wrong account",
    tags: ["billing"],
    priority: "low",
    turns: [
      customer("Hi, the direct debit is coming out of my old joint account. How can I move it to my new one?"),
      reply(
        "Hi {first}, you can change it yourself in My Lumio under Payments > Direct debit. If you'd rather, reply with the new IBAN and I'll update it for you.",
      ),
      customer("Managed it in the app, thanks!"),
    ],
  },
  {
    topic: "billing",
    subject: "Copies of last year's invoices",
    tags: ["invoice"],
    priority: "low",
    turns: [
      customer("Hello, I need copies of all my invoices from last year for my tax return. Only the last six months show in the app."),
      reply(
        "Hi {first}, I've sent all twelve invoices to your email as one PDF. Older invoices can also be requested any time from My Lumio > Invoices > Archive.",
      ),
    ],
  },
  // Account
  {
    topic: "account",
    subject: "Please cancel my account",
    tags: ["cancellation", "churn-risk"],
    turns: [
      customer("Hi, I'm moving back to the UK at the end of the month and need to cancel everything — broadband, TV and mobile. What do I need to do?"),
      reply(
        "Hi {first}, sorry to see you go! Moving abroad means there's no cancellation fee; we just need proof, such as a new tenancy agreement or an employer's letter. Could you send one over?",
      ),
      customer("Tenancy agreement attached. Last day should be the 30th."),
      note("Proof OK. Cancellation scheduled for the 30th, router return via drop-off point."),
      reply(
        "Thanks {first}, everything is scheduled to end on the 30th. You'll get a prepaid return label for the router by email. Good luck with the move!\n\n{agent}",
      ),
    ],
  },
  {
    topic: "account",
    subject: "Moving house – transfer my broadband",
    tags: ["moving"],
    product: "FIBRE",
    turns: [
      customer("Hi, we're moving to Leuven next month. Can we take our fibre broadband with us?"),
      reply("Hi {first}, good news: your new address is on our fibre network. Which date would suit you for the engineer visit?"),
      customer("The 3rd, in the morning if possible."),
      reply("Booked: an engineer will come on the 3rd between 8am and noon. You keep the same price and the same login details."),
    ],
  },
  {
    topic: "account",
    subject: "Add a second administrator to our business account",
    tags: [],
    business: true,
    priority: "low",
    turns: [
      customer("Hi, could you add my colleague as an administrator on our business account? She'll be handling the phone lines from now on."),
      reply(
        "Hi {first}, happy to. For security I need the request from the account's main contact, or a signed authorisation form. I've emailed you the form.",
      ),
      customer("Signed form attached."),
      reply("Thanks, your colleague has been added as an administrator and will receive an invitation by email."),
    ],
  },
  {
    topic: "account",
    subject: "Delete my personal data (GDPR)",
    tags: ["gdpr"],
    turns: [
      customer("I'm no longer a customer and I'd like all my personal data deleted under the GDPR."),
      reply(
        "Hi {first}, we've received your erasure request. We're legally required to keep invoices for 7 years; all your other data will be deleted within 30 days and I'll confirm by email.",
      ),
      note("Forwarded to the DPO (internal {ref}). Legal deadline: 30 days."),
    ],
  },
  {
    topic: "account",
    subject: "Can't change the email on my account",
    tags: ["login"],
    product: "APP",
    turns: [
      customer("I no longer have access to my old email address, and the app sends the verification code… to the old address. How do I change it?"),
      reply("Hi {first}, I can change it for you after a quick check. Could you give me the last 4 digits of the IBAN you pay with and your date of birth?"),
      customer("Ends in 7034, born 21 June 1990."),
      reply("Thanks, that's verified. Your login email is updated and you'll receive a link to set a new password."),
    ],
  },
  // Technical
  {
    topic: "technical",
    subject: "Internet down since this morning",
    tags: ["outage"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("My internet has been completely down since this morning and the router light is flashing red. I work from home, this is urgent!"),
      reply(
        "Hi {first}, sorry for the disruption. There's an outage in your area after a fibre cable was damaged by roadworks; our engineers are on site and expect to restore service by 3pm.",
      ),
      note("Network incident INC-{ref}, about 200 customers affected.", "L3"),
      customer("It's 5pm and still nothing…"),
      reply(
        "Apologies for the delay — service has been back since 5:10pm. Could you restart your router and let me know it's working? A €10 credit will be applied automatically.",
      ),
      customer("All working again, thanks."),
    ],
  },
  {
    topic: "technical",
    subject: "Router keeps rebooting",
    tags: ["router"],
    product: "BOX",
    turns: [
      customer("My Lumio router restarts itself several times a day, which drops my video calls. I've already tried a factory reset."),
      reply("Hi {first}, our systems show your router rebooted 21 times this week, which points to a hardware fault. I'm sending you a replacement today."),
      customer("New router plugged in, no drop-outs since. Thank you!"),
      reply("Great to hear! Please send the old one back with the enclosed label."),
    ],
  },
  {
    topic: "technical",
    subject: "TV box shows 'No signal' (E-204)",
    tags: ["tv"],
    product: "TV",
    turns: [
      customer("Since last night the TV box shows 'No signal' on every channel. The internet is fine."),
      reply(
        "Hi {first}, could you unplug the TV box for a minute, check the HDMI cable at both ends and plug it back in? If the message stays, tell me the error code in the bottom right corner.",
      ),
      customer("Same thing, code E-204."),
      note("E-204: box not paired. Re-paired remotely."),
      reply("Thanks! I've re-paired your TV box remotely. After one more restart the channels should be back within a few minutes."),
    ],
  },
  {
    topic: "technical",
    subject: "Wi-Fi very slow in the evenings",
    tags: ["router"],
    product: "FIBRE",
    turns: [
      customer("Every evening my speed drops to a few Mbps, even though I pay for 500 Mbps. During the day it's fine."),
      reply(
        "Hi {first}, could you run a speed test tonight around 9pm with a cable plugged straight into the router? That tells us whether it's the Wi-Fi or the line.",
      ),
      customer("With a cable I get 470 Mbps."),
      reply(
        "Then the line is fine and it's the Wi-Fi: your channel is crowded by the neighbours' networks in the evening. I've moved your router to a quieter 5 GHz channel. Let me know if it's better tonight?",
      ),
    ],
  },
  {
    topic: "technical",
    subject: "My Lumio app crashes on launch",
    tags: ["mobile-app"],
    product: "APP",
    turns: [
      customer("The My Lumio app closes as soon as I open it since yesterday's update. Pixel 8, Android 14."),
      reply(
        "Hi {first}, thanks for reporting it: it's a known issue on some Android 14 devices and a fix is being released this week. Meanwhile My Lumio works in your browser.",
      ),
      note("Known bug APP-{ref}, fix in 5.2.1 due Thursday. Link similar tickets.", "L3"),
    ],
  },
  {
    topic: "technical",
    subject: "Login fails on the customer portal",
    tags: ["login"],
    product: "APP",
    turns: [
      customer("Login fails every time with 'invalid credentials'. I've reset my password twice and it still doesn't work."),
      reply(
        "Hi {first}, your account was locked after several attempts; I've unlocked it. Note that the username is your email address, not your customer number.",
      ),
      customer("That was it — I was using my customer number. Thanks!"),
    ],
  },
  {
    topic: "technical",
    subject: "No signal after my SIM swap",
    tags: ["outage"],
    product: "MOBILE",
    priority: "high",
    turns: [
      customer("I activated my new SIM last night and since then I've had no service at all ('Emergency calls only')."),
      reply(
        "Hi {first}, the activation got stuck with our network partner. I've resubmitted it; it can take up to 2 hours. Please restart your phone afterwards.",
      ),
      note("Activation stuck at the host network, vendor ticket {ref}.", "external"),
      customer("Still nothing after 3 hours…"),
      reply("Sorry for the wait, {first}. Our partner fixed the activation ten minutes ago. After a restart your line should work — could you confirm?"),
    ],
  },
  {
    topic: "technical",
    subject: "eSIM QR code doesn't work",
    tags: [],
    product: "MOBILE",
    turns: [
      customer("I'm trying to install my eSIM but the phone says the QR code is no longer valid."),
      reply(
        "Hi {first}, each QR code can only be scanned once and yours was used in a previous attempt. I've generated a new one and sent it to your email — scan it on Wi-Fi and keep the phone on until the setup finishes.",
      ),
      customer("Worked this time, thanks."),
    ],
  },
  // Delivery and installation
  {
    topic: "delivery",
    subject: "Router never arrived",
    tags: ["delivery"],
    product: "BOX",
    turns: [
      customer("I ordered a router 10 days ago (order {order}) and it still hasn't arrived. Tracking hasn't moved in a week."),
      reply(
        "Hi {first}, I'm sorry about the delay. The parcel is stuck at the sorting centre; I've opened an investigation with the courier and I'm sending a replacement by express today.",
      ),
      customer("Arrived this morning, thanks for sorting it so quickly."),
    ],
  },
  {
    topic: "delivery",
    subject: "Engineer didn't turn up",
    tags: ["delivery", "complaint"],
    product: "FIBRE",
    priority: "high",
    turns: [
      customer("I took a day off for the installation and the engineer never came. Nobody let me know. Not acceptable."),
      reply(
        "Hi {first}, I completely understand and I apologise. The engineer couldn't make it and the cancellation never reached you. I can offer a priority slot on Thursday morning and a €30 credit.",
      ),
      note("Subcontractor: third missed appointment this month in this area. Flagged to the team lead."),
      customer("Thursday is fine."),
      reply("Confirmed for Thursday between 8am and noon; the engineer will call 30 minutes before arriving."),
    ],
  },
  {
    topic: "delivery",
    subject: "Wrong device delivered",
    tags: ["delivery"],
    product: "BOX",
    priority: "low",
    turns: [
      customer("I ordered the Mesh Wi-Fi extender but received a TV remote. Order {order}."),
      reply("Hi {first}, sorry for the mix-up! The extender is on its way today, and you'll get a return label for the remote by email."),
    ],
  },
  // Escalations
  {
    topic: "technical",
    subject: "Third outage this month – unacceptable",
    tags: ["complaint", "outage", "churn-risk"],
    product: "FIBRE",
    priority: "high",
    escalate: "third outage in a month, the customer threatens to leave",
    turns: [
      customer(
        "This is the third outage this month. I work from home and I've lost two full working days. This is completely unacceptable. I want proper compensation or I'm switching provider.",
      ),
      note("Churn risk. 3 network incidents in 4 weeks confirmed. Escalated to L2 for compensation."),
      reply(
        "Hi {first}, I completely understand your frustration and I apologise. I've confirmed the three outages on your line. I'd like to refund this month in full ({amount}) and have an engineer check your connection this week.",
      ),
      customer("The refund is a start, but I want to know it won't happen again."),
      reply("The engineer replaced the faulty street cabinet that was causing the outages. We'll monitor your line closely for the next month.\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Formal complaint – my lawyer will be in touch",
    tags: ["complaint", "legal", "cancellation"],
    priority: "high",
    escalate: "legal threat: lawyer and the telecom ombudsman",
    turns: [
      customer(
        "To whom it may concern,\n\nDespite four calls and two emails, you keep billing me for a contract I cancelled three months ago. If this isn't put right within eight days, I will pass the matter to my lawyer and file a complaint with the telecoms ombudsman.",
      ),
      note("Lawyer and ombudsman mentioned: mandatory escalation to L2. Cancellation recorded but never passed to billing."),
      reply(
        "Dear {first},\n\nYou're entirely right, and I apologise. Your cancellation never reached our billing system. I've stopped all direct debits and refunded the three months charged in error ({amount}). You'll receive written confirmation today.\n\n{agent}",
      ),
      customer("Noted. I'll wait for the refund before closing this."),
      reply("The refund was made today (reference {ref}). If anything is still outstanding, just reply to this email and it comes straight to me.\n\n{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Complaint about a rude agent",
    tags: ["complaint"],
    escalate: "complaint about an agent's behaviour",
    turns: [
      customer("I called yesterday about my bill and the agent was downright rude, then hung up on me. I expect better than that."),
      reply(
        "Hi {first}, I'm truly sorry. That's not how we want to treat anyone. I've passed your feedback to the team's manager and I'll handle your billing question myself.",
      ),
      note("Call found and reviewed. Feedback given to the supervisor; coaching planned."),
      customer("Thanks for listening. So what about the bill?"),
      reply("There was indeed a mistake on invoice {invoice}; a credit note of {amount} has been issued."),
    ],
  },
  {
    topic: "technical",
    subject: "URGENT – whole office offline",
    tags: ["outage"],
    product: "FIBRE",
    priority: "urgent",
    business: true,
    escalate: "business customer down, 4-hour SLA",
    turns: [
      customer("Our whole office has had no internet since 8am. Thirty people can't work and our phones are down too. Please treat this as urgent!"),
      note("Business customer, 4-hour SLA. Engineer dispatched, 4G backup switched on remotely."),
      reply(
        "Hi {first}, we've switched on your 4G backup line remotely; your systems should reconnect within minutes. An engineer will be on site before 11am for the main line.",
      ),
      customer("Backup is working, the engineer has arrived."),
      reply("The main line is restored (optical card replaced). You'll receive a detailed incident report by tomorrow.\n\n{agent}"),
    ],
  },
  // Social media
  {
    topic: "technical",
    subject: "No internet for 2 days",
    tags: ["outage"],
    product: "FIBRE",
    social: true,
    turns: [
      customer("@Lumio_help two days without internet and nobody picks up the phone. Great service 👏"),
      reply("Hi {first}, sorry for the wait! Could you DM us your customer number? We'll look into it right away. ^{agent}"),
      customer("Sent you a DM."),
      reply("Thanks! An engineer will visit tomorrow morning; you'll get a confirmation text. ^{agent}"),
    ],
  },
  {
    topic: "billing",
    subject: "Charged twice this month??",
    tags: ["double-charge"],
    social: true,
    turns: [
      customer("Charged twice this month by @Lumio_help 😡 how do I get my money back?"),
      reply("Hi {first}, so sorry about that! DM us your customer number and we'll check and refund it if it's our mistake. ^{agent}"),
    ],
  },
  {
    topic: "technical",
    subject: "Premier League on Lumio TV?",
    tags: ["tv"],
    product: "TV",
    priority: "low",
    social: true,
    turns: [
      customer("Does @Lumio_help show the Premier League this season? Can't find it anywhere."),
      reply("Hi {first}! Yes, every match is in the Sports pack — you can add it from Options on your TV box. Enjoy! ^{agent}"),
    ],
  },
  {
    topic: "delivery",
    subject: "Great engineer today",
    tags: [],
    product: "FIBRE",
    priority: "low",
    social: true,
    turns: [
      customer("Shout-out to the @Lumio_help engineer this morning — fibre installed in under an hour. Thanks!"),
      reply("Lovely to hear, {first}! We'll pass your thanks on to the engineer. ^{agent}"),
    ],
  },
  {
    topic: "account",
    subject: "Been trying to cancel for 3 weeks",
    tags: ["cancellation", "complaint"],
    social: true,
    escalate: "public complaint, the customer mentions the ombudsman",
    turns: [
      customer("3 weeks trying to cancel with @Lumio_help. No reply. Next stop: the ombudsman. Disgraceful."),
      reply("Hi {first}, that's really not OK and we're sorry. We'll take this on personally — could you DM us your customer number? ^{agent}"),
      customer("Done."),
      reply("Thanks {first}, your cancellation is booked for the date you asked and the confirmation is on its way by email. Sorry for the hassle. ^{agent}"),
    ],
  },
];
