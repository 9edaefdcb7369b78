// A frustration reason as a sentence in the reader's language, from the catalogue's `triage`
// namespace (src/core/i18n/locales/*/triage.json).

import { translate } from "../i18n/translate.js";
import type { Locale } from "../i18n/locale.js";
import type { FrustrationReason } from "./signals.js";

/** `reason` as one sentence in `locale`: "“not happy” sounds frustrated", "3 exclamation marks in a row". */
export function renderTriageReason(reason: FrustrationReason, locale: Locale): string {
  switch (reason.kind) {
    case "word":
      return translate(locale, "triage.word", { phrase: reason.phrase });
    case "negated":
      return translate(locale, "triage.negated", { phrase: reason.phrase });
    case "capitals":
      return translate(locale, "triage.capitals", { share: reason.share });
    case "exclamations":
      return translate(locale, "triage.exclamations", { count: reason.count });
    case "waiting":
      return translate(locale, "triage.waiting", { phrase: reason.phrase });
    case "repeat_contact":
      return translate(locale, "triage.repeatContact", { count: reason.count, days: reason.days });
  }
}
