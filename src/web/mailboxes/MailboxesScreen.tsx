// IMAP mailboxes for admins: each with its team, its address and the state of its fetching (in
// IDLE, polling, failing since when and why, the last message taken); adding, editing (the
// password is never shown: left empty, the stored one is kept), trying a connection, removing.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../components/ErrorNotice.js";
import type { FieldIssue } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { SelectField, TextField } from "../admin/formKit.js";
import { localIssues } from "../admin/fieldIssues.js";
import { deleteMailbox, listMailboxes, saveMailbox, testMailbox, type Mailbox, type MailboxFields, type MailboxProblem } from "./mailboxesApi.js";

const KEY = ["admin", "mailboxes"] as const;

function blank(teamId: string): MailboxFields {
  return { name: "", host: "", port: 993, tls: "tls", username: "", password: "", folder: "INBOX", teamId, address: "", enabled: true };
}

function fieldsOf(mailbox: Mailbox): MailboxFields {
  const { name, host, port, tls, username, folder, teamId, address, enabled } = mailbox;
  return { name, host, port, tls, username, password: "", folder, teamId, address, enabled };
}

export function MailboxesScreen() {
  const { t, formatDateTime } = useI18n();
  const { teams } = useDirectory();
  const query = useQuery({ queryKey: KEY, queryFn: listMailboxes, refetchInterval: 10_000 });
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ id: string | null; fields: MailboxFields; passwordSet: boolean } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [tested, setTested] = useState<{ ok: boolean; problem: MailboxProblem | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? "";

  const open = (mailbox: Mailbox | null) => {
    setIssues([]);
    setFailure(null);
    setTested(null);
    setEditing(
      mailbox
        ? { id: mailbox.id, fields: fieldsOf(mailbox), passwordSet: mailbox.passwordSet }
        : { id: null, fields: blank(teams[0]?.id ?? ""), passwordSet: false },
    );
  };
  const change = (patch: Partial<MailboxFields>) => setEditing((current) => (current ? { ...current, fields: { ...current.fields, ...patch } } : current));
  const sent = (fields: MailboxFields): MailboxFields => {
    const { password, ...rest } = fields;
    return password ? { ...rest, password } : rest;
  };
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    setIssues([]);
    setFailure(null);
    try {
      await saveMailbox(editing.id, sent(editing.fields));
      setEditing(null);
      void client.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      const here = localIssues(error, (kind) => t(`admin.invalid.${kind}`));
      setIssues(here);
      if (here.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    if (!editing) return;
    setBusy(true);
    setTested(null);
    setFailure(null);
    try {
      setTested(await testMailbox(editing.id, sent(editing.fields)));
    } catch (error) {
      const here = localIssues(error, (kind) => t(`admin.invalid.${kind}`));
      setIssues(here);
      if (here.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (mailbox: Mailbox) => {
    if (!window.confirm(t("mailboxes.confirmRemove", { name: mailbox.name }))) return;
    try {
      await deleteMailbox(mailbox.id);
      void client.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="admin-screen" aria-busy={query.isPending}>
      <div className="screen-head">
        <PageTitle title={t("mailboxes.title")} />
        <button type="button" className="button" onClick={() => open(null)}>
          {t("mailboxes.add")}
        </button>
      </div>
      <p className="muted">{t("mailboxes.intro")}</p>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {failure !== null && <ErrorNotice error={failure} />}
      {editing && (
        <form
          className="admin-form mailbox-form"
          aria-label={editing.id ? t("mailboxes.editTitle") : t("mailboxes.newTitle")}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <h2>{editing.id ? t("mailboxes.editTitle") : t("mailboxes.newTitle")}</h2>
          <TextField
            label={t("mailboxes.field.name")}
            path="name"
            issues={issues}
            readOnly={false}
            value={editing.fields.name}
            onChange={(name) => change({ name })}
          />
          <SelectField
            label={t("mailboxes.field.team")}
            path="teamId"
            issues={issues}
            readOnly={false}
            value={editing.fields.teamId}
            onChange={(teamId) => change({ teamId })}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
          <TextField
            label={t("mailboxes.field.address")}
            hint={t("mailboxes.field.addressHint")}
            path="address"
            issues={issues}
            readOnly={false}
            type="email"
            value={editing.fields.address}
            onChange={(address) => change({ address })}
          />
          <TextField
            label={t("mailboxes.field.host")}
            path="host"
            issues={issues}
            readOnly={false}
            value={editing.fields.host}
            onChange={(host) => change({ host })}
          />
          <SelectField
            label={t("mailboxes.field.tls")}
            path="tls"
            issues={issues}
            readOnly={false}
            value={editing.fields.tls}
            onChange={(tls) => change({ tls: tls as MailboxFields["tls"], port: tls === "tls" ? 993 : 143 })}
            options={(["tls", "starttls", "none"] as const).map((mode) => ({ value: mode, label: t("mailboxes.tls", { mode }) }))}
          />
          <TextField
            label={t("mailboxes.field.port")}
            path="port"
            issues={issues}
            readOnly={false}
            type="number"
            value={String(editing.fields.port)}
            onChange={(port) => change({ port: Number(port) })}
          />
          <TextField
            label={t("mailboxes.field.username")}
            path="username"
            issues={issues}
            readOnly={false}
            value={editing.fields.username}
            onChange={(username) => change({ username })}
          />
          <div className="field" data-field="password">
            <label htmlFor="mailbox-password">{t("mailboxes.field.password")}</label>
            <input
              id="mailbox-password"
              type="password"
              autoComplete="new-password"
              value={editing.fields.password ?? ""}
              onChange={(event) => change({ password: event.target.value })}
              aria-describedby="mailbox-password-hint"
            />
            <p className="muted small" id="mailbox-password-hint">
              {editing.passwordSet ? t("mailboxes.field.passwordKept") : t("mailboxes.field.passwordHint")}
            </p>
          </div>
          <TextField
            label={t("mailboxes.field.folder")}
            path="folder"
            issues={issues}
            readOnly={false}
            value={editing.fields.folder}
            onChange={(folder) => change({ folder })}
          />
          <label className="inline-field">
            <input type="checkbox" checked={editing.fields.enabled} onChange={(event) => change({ enabled: event.target.checked })} />{" "}
            {t("mailboxes.field.enabled")}
          </label>
          {tested && (
            <p className={`notice-inline ${tested.ok ? "success" : "error"}`} role="status" data-test-result={tested.ok ? "ok" : tested.problem?.code}>
              {tested.ok ? t("mailboxes.testOk") : t("mailboxes.testFailed", { problem: tested.problem?.message ?? "" })}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {t("mailboxes.save")}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void test()}>
              {t("mailboxes.test")}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t("mailboxes.cancel")}
            </button>
          </div>
        </form>
      )}
      {query.data === undefined ? (
        query.error === null && <p className="muted">{t("app.loading")}</p>
      ) : query.data.length === 0 ? (
        <p className="empty">{t("mailboxes.empty")}</p>
      ) : (
        <ul className="card-list mailboxes">
          {query.data.map((mailbox) => (
            <li key={mailbox.id} className="card-row" data-mailbox={mailbox.id} data-state={mailbox.state}>
              <div className="card-body">
                <strong>{mailbox.name}</strong>
                <span className="muted small">
                  {mailbox.address} · {teamName(mailbox.teamId)} · {mailbox.username}@{mailbox.host}:{mailbox.port} · {mailbox.folder}
                </span>
                <span className={`small mailbox-state state-${mailbox.state}`}>
                  {t("mailboxes.state", { state: mailbox.state })}
                  {mailbox.state === "failing" && mailbox.failingSince && (
                    <> · {t("mailboxes.failingSince", { since: formatDateTime(mailbox.failingSince) })}</>
                  )}
                </span>
                {mailbox.state === "failing" && mailbox.lastError && <span className="last-error">{mailbox.lastError.message}</span>}
                <span className="muted small">
                  {mailbox.lastMessageAt ? t("mailboxes.lastMessage", { at: formatDateTime(mailbox.lastMessageAt) }) : t("mailboxes.noMessageYet")}
                </span>
              </div>
              <div className="card-actions">
                <button type="button" className="button" onClick={() => open(mailbox)} aria-label={t("mailboxes.editOne", { name: mailbox.name })}>
                  {t("mailboxes.edit")}
                </button>
                <button type="button" className="button" onClick={() => void remove(mailbox)} aria-label={t("mailboxes.removeOne", { name: mailbox.name })}>
                  {t("mailboxes.remove")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
