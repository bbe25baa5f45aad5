import { plainText, type ArticleDocument } from "@/lib/content/document";

/**
 * "Polls close in the east", or the first words of an untitled entry: how
 * history, messages, the key events and the feeds name an entry. `photo` names
 * an entry with no words at all (a sentence's "a photo", a heading's "Photo").
 */
export function entryName(entry: { title: string; body: unknown }, { maxChars, photo }: { maxChars: number; photo: string }): string {
  if (entry.title) return entry.title;
  const text = plainText(entry.body as ArticleDocument).trim().replace(/\s+/g, " ");
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text || photo;
}
