// What a new notification publishes on its channel: its id and its recipient, so that a process
// holding no stream of that agent skips it without reading the row (PostgreSQL caps a payload at 8 kB).

/** Channel that carries each new notification (PostgreSQL NOTIFY, across processes; PGlite in process). */
export const NOTIFICATIONS_CHANNEL = "palier_notifications";

/** A published notification: the row to read, and whose it is when the sender said so. */
export interface NotificationSignal {
  id: number;
  /** Absent in the bare-id payload of earlier versions: then any stream may want the row. */
  agentId?: string;
}

/** The payload for one notification: `<id>:<agent id>`. */
export function signalPayload(signal: { id: number; agentId: string }): string {
  return `${signal.id}:${signal.agentId}`;
}

/** Reads a payload (`<id>:<agent id>`, or a bare `<id>`); undefined when it is neither. */
export function readSignal(payload: string): NotificationSignal | undefined {
  const colon = payload.indexOf(":");
  const id = Number(colon < 0 ? payload : payload.slice(0, colon));
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  if (colon < 0) return { id };
  const agentId = payload.slice(colon + 1);
  return agentId === "" ? undefined : { id, agentId };
}
