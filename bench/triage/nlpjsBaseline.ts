// The baseline: @nlpjs/sentiment alone, a message frustrated when its sentiment score is below 0,
// with the French, Dutch and English lexicons nlp.js ships.

import { createRequire } from "node:module";
import type { Language } from "../../src/core/ticket/ticket.js";

interface Analyzer {
  process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number } }>;
}

const load = createRequire(import.meta.url);

/** A function scoring a message's sentiment in its known language with nlp.js. */
export function nlpjsSentiment(): (text: string, language: Language) => Promise<number> {
  const { Container } = load("@nlpjs/core") as { Container: new () => { use(plugin: unknown): void } };
  const { SentimentAnalyzer } = load("@nlpjs/sentiment") as { SentimentAnalyzer: new (settings: { container: unknown }) => Analyzer };
  const container = new Container();
  container.use((load("@nlpjs/lang-en") as { LangEn: unknown }).LangEn);
  container.use((load("@nlpjs/lang-fr") as { LangFr: unknown }).LangFr);
  container.use((load("@nlpjs/lang-nl") as { LangNl: unknown }).LangNl);
  const analyzer = new SentimentAnalyzer({ container });
  return async (text, language) => (await analyzer.process({ locale: language, text })).sentiment.score;
}
