// The bell in the shell: the unread count, and on click the latest notifications, each linking
// to its ticket. Escape or a click elsewhere closes the list; the keyboard reaches every item.

import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ApprovalActions } from "../escalation/ApprovalActions.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useNotifications } from "./useNotifications.js";

export function NotificationBell() {
  const { t, tn, formatNumber, formatRelative } = useI18n();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        button.current?.focus();
        return;
      }
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, [open]);

  const { unread, items } = notifications;
  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button-quiet bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? tn("notifications.bellUnread", unread) : t("notifications.bell")}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : formatNumber(unread)}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label={t("notifications.title")}>
          <div className="bell-head">
            <h2>{t("notifications.title")}</h2>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={notifications.markAllRead}>
                {t("notifications.markAllRead")}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted">{t("notifications.empty")}</p>
          ) : (
            <ul className="bell-list">
              {items.slice(0, 30).map((item) => {
                const body = (
                  <>
                    <strong>{item.title}</strong>
                    <span className="small">{item.body}</span>
                    <time className="muted small" dateTime={item.createdAt}>
                      {formatRelative(item.createdAt)}
                    </time>
                  </>
                );
                return (
                  <li key={item.id} className={item.readAt ? "read" : "unread"} data-notification={item.id}>
                    {item.ticketNumber ? (
                      <Link
                        to={`/tickets/${item.ticketNumber}`}
                        onClick={() => {
                          notifications.markRead([item.id]);
                          setOpen(false);
                        }}
                      >
                        {body}
                      </Link>
                    ) : (
                      <div>{body}</div>
                    )}
                    {item.data?.type === "approval" && item.data.notice === "requested" && typeof item.data.approvalId === "string" && (
                      <ApprovalActions approvalId={item.data.approvalId} onDecided={() => notifications.markRead([item.id])} />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
