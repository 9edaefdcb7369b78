// The knowledge base as the staff app reads and writes it (/api/v1/kb/…).

import { request } from "../api/client.js";

export type KbLanguage = "fr" | "nl" | "en";
export const KB_LANGUAGES: readonly KbLanguage[] = ["fr", "nl", "en"];

/** A file attached to a version; `url` downloads it. */
export interface KbAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  url: string;
}

/** The largest file the server takes (src/core/kb/attachment.ts), checked before sending it. */
export const KB_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface KbVersion {
  id?: string;
  attachments?: KbAttachment[];
  language: KbLanguage;
  slug: string;
  title: string;
  body: string;
  status: "draft" | "published";
  html?: string;
  publishedAt?: string | null;
  updatedAt?: string;
}

export interface KbArticle {
  id: string;
  categoryId: string | null;
  fallbackLanguage: KbLanguage;
  translations: KbVersion[];
  updatedAt: string;
  version: number;
}

export interface KbCategory {
  id: string;
  slug: string;
  names: Record<KbLanguage, string>;
  position: number;
}

export interface KbArticleInput {
  categoryId: string | null;
  fallbackLanguage: KbLanguage;
  translations: { language: KbLanguage; slug: string; title: string; body: string; status: "draft" | "published" }[];
}

export interface KbResult {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  language: KbLanguage;
  category: string | null;
  html: string;
  text: string;
}

export interface KbReport {
  since: string;
  unanswered: { query: string; language: string; count: number; lastAt: string }[];
  mostRead: { articleId: string; slug: string; title: string; language: string; reads: number }[];
}

export const KB_KEY = ["kb"] as const;

export async function listArticles(): Promise<KbArticle[]> {
  return (await request<{ items: KbArticle[] }>("GET", "/kb/articles")).data.items;
}

export async function getArticle(id: string): Promise<KbArticle> {
  return (await request<KbArticle>("GET", `/kb/articles/${id}`)).data;
}

export async function listCategories(): Promise<KbCategory[]> {
  return (await request<{ items: KbCategory[] }>("GET", "/kb/categories")).data.items;
}

export async function saveArticle(id: string | null, input: KbArticleInput): Promise<KbArticle> {
  return (await request<KbArticle>(id ? "PUT" : "POST", id ? `/kb/articles/${id}` : "/kb/articles", { body: input })).data;
}

export async function previewMarkdown(body: string): Promise<string> {
  return (await request<{ html: string }>("POST", "/kb/preview", { body: { body } })).data.html;
}

export async function ticketSuggestions(number: number): Promise<KbResult[]> {
  return (await request<{ results: KbResult[] }>("GET", `/tickets/${number}/kb-suggestions`)).data.results;
}

export async function searchKb(q: string): Promise<KbResult[]> {
  return (await request<{ results: KbResult[] }>("GET", "/kb/search", { query: { q } })).data.results;
}

export async function kbReport(days: number): Promise<KbReport> {
  return (await request<KbReport>("GET", "/kb/report", { query: { days } })).data;
}

/** Where a published version is read by customers. */
export function publicArticleUrl(slug: string): string {
  return `${window.location.origin}/help/${slug}`;
}

export async function attachFile(articleId: string, language: KbLanguage, file: File): Promise<KbAttachment> {
  return (await request<KbAttachment>("POST", `/kb/articles/${articleId}/versions/${language}/attachments`, { query: { name: file.name }, file })).data;
}

export async function removeAttachment(articleId: string, attachmentId: string): Promise<void> {
  await request("DELETE", `/kb/articles/${articleId}/attachments/${attachmentId}`);
}
