// Articles suggested for a ticket's conversation, beside the reply box: each can be put in the
// reply as a link with its title, or as its text.

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/I18nProvider.js";
import * as kb from "./kbApi.js";
import "./kb.css";

export function KbSuggestions({ number, onInsert }: { number: number; onInsert(text: string): void }) {
  const { t } = useI18n();
  const suggestions = useQuery({ queryKey: [...kb.KB_KEY, "suggestions", number], queryFn: () => kb.ticketSuggestions(number), staleTime: 60_000 });
  const items = suggestions.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="kb-suggestions" aria-labelledby={`kb-suggestions-${number}`}>
      <h3 id={`kb-suggestions-${number}`}>{t("kb.suggested")}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-suggestion={item.slug}>
            <span className="kb-suggestion-title">{item.title}</span> <span className="badge">{item.language.toUpperCase()}</span>
            {/* The snippet is the server's: every character escaped, only <mark> kept. */}
            <p className="muted small" dangerouslySetInnerHTML={{ __html: item.snippet }} />
            <span className="kb-suggestion-actions">
              <button type="button" className="button button-quiet" onClick={() => onInsert(`${item.title}: ${kb.publicArticleUrl(item.slug)}`)}>
                {t("kb.insertLink")}
              </button>
              <button type="button" className="button button-quiet" onClick={() => onInsert(item.text)}>
                {t("kb.insertText")}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
