// A new ticket, e.g. an agent logging a phone call: the customer (found or new), subject,
// channel (phone by default), priority, team, assignee, and what the customer said.

import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { CHANNELS, PRIORITIES } from "../../core/ticket/ticket.js";
import * as api from "../api/palier.js";
import type { Channel, Priority } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { ticketChanged } from "../ticket/ticketMutations.js";
import { CustomerPicker, type CustomerChoice } from "./CustomerPicker.js";
import { LogCallForm } from "../phone/LogCallForm.js";

export function NewTicketScreen() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = usePrincipal();
  const { teams, agents, rememberCustomer } = useDirectory();
  const [choice, setChoice] = useState<CustomerChoice>(null);
  const [subject, setSubject] = useState("");
  const [channel, setChannel] = useState<Channel>("phone");
  const [priority, setPriority] = useState<Priority>("normal");
  const [teamId, setTeamId] = useState<string>(me.kind === "agent" ? (me.teamId ?? "") : "");
  const [assigneeId, setAssigneeId] = useState<string>(me.id);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingCustomer, setMissingCustomer] = useState(false);
  // One key per form, so a retried submit cannot create the ticket twice; a customer created
  // by a failed attempt is reused by the next one.
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const createdCustomer = useRef<{ draft: string; id: string } | null>(null);
  const ids = { subject: useId(), channel: useId(), priority: useId(), team: useId(), assignee: useId(), text: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) {
      setMissingCustomer(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let customerId: string;
      if (choice.kind === "existing") customerId = choice.customer.id;
      else {
        const draft = JSON.stringify(choice.customer);
        if (createdCustomer.current?.draft === draft) customerId = createdCustomer.current.id;
        else {
          const { name, email, phone, language } = choice.customer;
          const customer = await api.createCustomer({
            name: name.trim(),
            ...(email?.trim() ? { email: email.trim() } : {}),
            ...(phone?.trim() ? { phone: phone.trim() } : {}),
            ...(language ? { language } : {}),
          });
          rememberCustomer(customer);
          createdCustomer.current = { draft, id: customer.id };
          customerId = customer.id;
        }
      }
      const { ticket } = await api.createTicket(
        {
          subject: subject.trim(),
          channel,
          customerId,
          priority,
          ...(teamId ? { teamId } : {}),
          ...(assigneeId ? { assigneeId } : {}),
          ...(text.trim() ? { message: { text, kind: "customer" as const } } : {}),
        },
        idempotencyKey.current,
      );
      ticketChanged(queryClient, ticket);
      navigate(`/tickets/${ticket.number}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="new-ticket">
      <PageTitle title={t("newTicket.title")} />
      <form className="panel form" onSubmit={(event) => void submit(event)} noValidate={false}>
        <CustomerPicker
          choice={choice}
          onChange={(next) => {
            setChoice(next);
            setMissingCustomer(false);
          }}
        />
        {missingCustomer && (
          <p className="notice notice-error" role="alert">
            {t("newTicket.chooseCustomer")}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.subject}>{t("field.subject")}</label>
          <input id={ids.subject} required maxLength={300} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="grid-4">
          <div className="field">
            <label htmlFor={ids.channel}>{t("field.channel")}</label>
            <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((option) => (
                <option key={option} value={option}>
                  {tx(`channel.${option}`, option)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.priority}>{t("field.priority")}</label>
            <select id={ids.priority} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {PRIORITIES.map((option) => (
                <option key={option} value={option}>
                  {tx(`priority.${option}`, option)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.team}>{t("field.team")}</label>
            <select id={ids.team} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t("ticket.noTeam")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.assignee}>{t("field.assignee")}</label>
            <select id={ids.assignee} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">{t("ticket.unassigned")}</option>
              {!agents.some((agent) => agent.id === me.id) && <option value={me.id}>{me.name}</option>}
              {agents
                .filter((agent) => agent.active !== false)
                .map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.text}>{t("newTicket.message")}</label>
          <textarea id={ids.text} rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("newTicket.messagePlaceholder")} />
        </div>
        {error !== null && <ErrorNotice error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("newTicket.create")}
          </button>
        </div>
      </form>
      <details className="panel">
        <summary>{t("phone.logCallNew")}</summary>
        <LogCallForm />
      </details>
    </section>
  );
}
