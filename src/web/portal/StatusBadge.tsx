// A request's status in the customer's words, with a tone of its own.

import type { Status } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { customerStatus } from "./portalStatus.js";

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  const shown = customerStatus(status);
  return (
    <span className={`badge portal-status portal-status-${shown}`} data-status={shown}>
      {t("portal.status", { status: shown })}
    </span>
  );
}
