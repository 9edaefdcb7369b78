// A message's body: the server's sanitized HTML, sanitized again here before it reaches the DOM.

import { useMemo } from "react";
import { safeHtml } from "../lib/safeHtml.js";

export function MessageBody({ html, language }: { html: string; language?: string | null }) {
  const clean = useMemo(() => safeHtml(html), [html]);
  return <div className="message-body" lang={language ?? undefined} dangerouslySetInnerHTML={{ __html: clean }} />;
}
