// Whether an agent may sign in: deactivating (their sessions end at once, said before it is
// done), reactivating, and a new generated password, shown once.

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { newAgentPassword, updateRecord } from "./adminApi.js";
import type { AgentRecord } from "./adminTypes.js";
import { adminKeys } from "./formKit.js";

type Asking = "deactivate" | "password" | null;

export function AgentAccess({
  agent,
  onChanged,
  onPassword,
  onConflict,
}: {
  agent: AgentRecord;
  onChanged(agent: AgentRecord): void;
  onPassword(password: string): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setAsking(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setAsking(null);
        onConflict();
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const setActive = (active: boolean) =>
    run(async () => {
      const saved = await updateRecord("agents", agent.id, agent.version, { active });
      void queryClient.invalidateQueries({ queryKey: adminKeys.lists("agents") });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents });
      onChanged(saved);
    });

  const givePassword = () =>
    run(async () => {
      onPassword(await newAgentPassword(agent.id));
    });

  return (
    <section className="panel agent-access" aria-labelledby="agent-access-title">
      <h2 id="agent-access-title">{t("admin.signIn")}</h2>
      {error !== null && <ErrorNotice error={error} />}
      <p>{agent.active ? t("admin.activeLine", { name: agent.name }) : t("admin.inactiveLine", { name: agent.name })}</p>
      {asking === "deactivate" ? (
        <div className="notice notice-warning confirm" role="alertdialog" aria-labelledby="confirm-deactivate">
          <p id="confirm-deactivate">{t("admin.confirmDeactivate", { name: agent.name })}</p>
          <div className="form-actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void setActive(false)}>
              {t("admin.deactivate")}
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t("admin.cancel")}
            </button>
          </div>
        </div>
      ) : asking === "password" ? (
        <div className="notice notice-warning confirm" role="alertdialog" aria-labelledby="confirm-password">
          <p id="confirm-password">{t("admin.confirmPassword", { name: agent.name })}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void givePassword()}>
              {t("admin.givePassword")}
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t("admin.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          {agent.active ? (
            <button type="button" className="button danger" onClick={() => setAsking("deactivate")}>
              {t("admin.deactivateEllipsis")}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void setActive(true)}>
              {t("admin.reactivate")}
            </button>
          )}
          <button type="button" className="button" onClick={() => setAsking("password")}>
            {t("admin.givePasswordEllipsis")}
          </button>
        </div>
      )}
    </section>
  );
}

/** The generated password, this once, with what to do with it. */
export function OneTimePassword({ name, email, password, onDone }: { name: string; email: string; password: string; onDone(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard
      ?.writeText(password)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <div className="notice notice-success one-time-password" role="status">
      <p>{t("admin.passwordOnce", { name, email })}</p>
      <p>
        <code data-password>{password}</code>{" "}
        <button type="button" className="button" onClick={copy}>
          {copied ? t("admin.copied") : t("admin.copy")}
        </button>
      </p>
      <p className="small">{t("admin.passwordOnceHint")}</p>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t("admin.passwordDone")}
      </button>
    </div>
  );
}
