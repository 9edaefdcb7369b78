// An API failure told in the user's language: known error codes have their own message, the
// others show the server's words; field details are listed, named in words when the server
// knows the reader's language.

import { ApiError } from "../api/client.js";
import { useI18n } from "../i18n/I18nProvider.js";

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tx } = useI18n();
  const message = error instanceof ApiError ? tx(`error.${error.code}`, error.message) : error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {error instanceof ApiError && error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={detail.path + detail.message}>
              {detail.label ? <strong>{detail.label}</strong> : <code>{detail.path}</code>} {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("action.retry")}
        </button>
      )}
    </div>
  );
}
