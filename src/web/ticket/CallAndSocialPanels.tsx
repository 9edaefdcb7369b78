// The ticket's side panels of the social and phone channels: the author's social profile (handle,
// name, verified, followers, bio) for a ticket that came from a network, and "Log a call".

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { LogCallForm } from "../phone/LogCallForm.js";
import { AuthorLine } from "../social/AuthorLine.js";
import { ticketSocial } from "../social/socialApi.js";

export function SocialProfilePanel({ ticket }: { ticket: { number: number; channel: string } }) {
  const { t } = useI18n();
  const social = ticket.channel === "twitter" || ticket.channel === "facebook";
  const query = useQuery({ queryKey: ["social", "ticket", ticket.number], queryFn: () => ticketSocial(ticket.number), enabled: social });
  const last = query.data?.at(-1);
  if (!social || !last) return null;
  return (
    <section className="panel" aria-labelledby="social-profile-title">
      <h2 id="social-profile-title">{t("social.profile")}</h2>
      <p>
        <AuthorLine post={last} />
      </p>
      {last.author.bio && (
        <p className="small">
          {t("social.bio")}: {last.author.bio}
        </p>
      )}
    </section>
  );
}

export function LogCallPanel({ ticket }: { ticket: { number: number } }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="log-call-title">
      <h2 id="log-call-title">{t("phone.logCall")}</h2>
      {open ? (
        <>
          <LogCallForm ticketNumber={ticket.number} onDone={() => setOpen(false)} />
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t("phone.cancel")}
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t("phone.logCall")}
        </button>
      )}
    </section>
  );
}
