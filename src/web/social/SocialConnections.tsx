// The admins' small screen for the networks' connections: a new shared secret (written, never
// shown back), the connector URL replies go to, and the influence threshold.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { listConnections, type NetworkConnection, saveConnection } from "./socialApi.js";

const KEY = ["social", "networks"] as const;

function ConnectionForm({ connection }: { connection: NetworkConnection }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [secret, setSecret] = useState("");
  const [url, setUrl] = useState(connection.connectorUrl ?? "");
  const [threshold, setThreshold] = useState(String(connection.influenceThreshold));
  const mutation = useMutation({
    mutationFn: () =>
      saveConnection(connection.network, {
        ...(secret ? { secret } : {}),
        connectorUrl: url.trim() === "" ? null : url.trim(),
        influenceThreshold: Number(threshold),
      }),
    onSuccess: () => {
      setSecret("");
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const id = `social-${connection.network}`;
  return (
    <form
      className="card-row"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <h3 id={`${id}-title`}>
        {t("social.network", { network: connection.network })} ·{" "}
        <span className="muted">{connection.configured ? t("social.configured") : t("social.notConfigured")}</span>
      </h3>
      <label htmlFor={`${id}-secret`}>{t("social.secret")}</label>
      <input id={`${id}-secret`} type="password" autoComplete="new-password" value={secret} onChange={(event) => setSecret(event.target.value)} />
      <label htmlFor={`${id}-url`}>{t("social.connectorUrl")}</label>
      <input id={`${id}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
      <label htmlFor={`${id}-threshold`}>{t("social.threshold")}</label>
      <input id={`${id}-threshold`} type="number" min={1} value={threshold} onChange={(event) => setThreshold(event.target.value)} />
      <p>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t("social.save")}
        </button>{" "}
        {mutation.isSuccess && <span role="status">{t("social.saved")}</span>}
      </p>
      {mutation.error && <ErrorNotice error={mutation.error} />}
    </form>
  );
}

export function SocialConnections() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: KEY, queryFn: listConnections });
  return (
    <section aria-labelledby="social-connections">
      <h2 id="social-connections">{t("social.connections")}</h2>
      <p className="muted small">{t("social.connectionsIntro")}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data?.map((connection) => (
        <ConnectionForm key={connection.network} connection={connection} />
      ))}
    </section>
  );
}
