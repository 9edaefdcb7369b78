// Status and priority as small coloured labels with their translated names.

import type { Priority, Status } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";

export function StatusBadge({ status }: { status: Status }) {
  const { tx } = useI18n();
  return <span className={`badge status-${status}`}>{tx(`status.${status}`, status)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { tx } = useI18n();
  return <span className={`badge priority-${priority}`}>{tx(`priority.${priority}`, priority)}</span>;
}
