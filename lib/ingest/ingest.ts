import { recordRevision, replaceTags } from "@/lib/articles/content";
import { tokenNameOf } from "@/lib/auth/api-tokens";
import type { SignedInViewer } from "@/lib/auth/viewer";
import { validateDocument } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayCreateArticles } from "@/lib/policy";
import { slugify, untitledSlug } from "@/lib/slug";
import type { IngestedDraft } from "./draft";
import { parseNinjs } from "./ninjs";
import { parsePlainText } from "./plain-text";

type Tx = Prisma.TransactionClient;

export const MAX_INGEST_BYTES = 200 * 1024;
const MAX_TAGS = 20;

export interface IngestRequest {
  /** the request's Content-Type header */
  contentType: string | null;
  body: Uint8Array;
}

/** The body as UTF-8 text, or a 4xx naming what is wrong with it: nothing, too much, the wrong type or encoding. */
export function readDelivery({ contentType, body }: IngestRequest): { format: "text" | "ninjs"; text: string } {
  if (body.byteLength === 0) throw new AppError("VALIDATION", "The body is empty: send the story's text, or a ninjs item.", { field: "body" });
  if (body.byteLength > MAX_INGEST_BYTES) throw new AppError("TOO_LARGE", `The body is ${Math.ceil(body.byteLength / 1024)} KB; at most 200 KB is taken.`);
  const [type = "", ...params] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const format = type === "text/plain" ? "text" : type === "application/json" ? "ninjs" : null;
  if (!format) throw new AppError("UNSUPPORTED", `Send text/plain (the story as text) or application/json (an IPTC ninjs item), not "${type || "no Content-Type"}".`);
  const charset = params.find((param) => param.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset && !["utf-8", "utf8", "us-ascii"].includes(charset)) throw new AppError("UNSUPPORTED", `Send UTF-8; this body says charset=${charset}.`);
  try {
    return { format, text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    throw new AppError("UNSUPPORTED", "The body is not valid UTF-8: convert it (from Windows-1252 or Latin-1, say) and send it again.");
  }
}

/** The draft a delivery makes, checked by the document validator like any save; nothing is stored. */
export function draftOf(request: IngestRequest): IngestedDraft {
  const { format, text } = readDelivery(request);
  let draft: IngestedDraft;
  if (format === "text") draft = parsePlainText(text);
  else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "The body is not valid JSON.", { field: "ninjs" });
    }
    draft = parseNinjs(json);
  }
  return { ...draft, body: validateDocument(draft.body), tags: draft.tags.slice(0, MAX_TAGS) };
}

async function freeSlug(tx: Tx, headline: string): Promise<string> {
  const base = slugify(headline) || untitledSlug();
  for (const candidate of [base, ...[2, 3, 4, 5].map((n) => `${base.slice(0, 76)}-${n}`)]) {
    const taken = await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }) ?? (await tx.slugRedirect.findUnique({ where: { slug: candidate }, select: { slug: true } }));
    if (!taken) return candidate;
  }
  return `${base.slice(0, 70)}-${untitledSlug().slice("untitled-".length)}`;
}

/**
 * Copy from outside becomes a draft: a new one, or — when the agency sends
 * an item it sent before (same source id) — the same draft updated, while
 * it is still a draft that never went live; once the desk has moved it on,
 * the answer is 409 with its id and nothing changes.
 */
export async function ingest(viewer: SignedInViewer, request: IngestRequest, now = new Date()) {
  if (!mayCreateArticles(viewer)) throw forbidden();
  const draft = draftOf(request);
  const source = {
    // The agency is the token's name ("AP"); a person's import says who brought it in.
    sourceAgency: viewer.machine ? tokenNameOf(viewer.name) : `Imported by ${viewer.name}`,
    sourceReceivedAt: now,
    sourceByline: draft.byline,
  };
  const content = { headline: draft.headline, standfirst: draft.standfirst, body: draft.body };
  const { article, created } = await db().$transaction(async (tx) => {
    const earlier = draft.sourceId ? await tx.article.findUnique({ where: { sourceId: draft.sourceId }, select: { id: true, status: true, publishedAt: true } }) : null;
    // An unpublished story is a draft again, but readers have had it: the wire no longer rewrites it.
    if (earlier && (earlier.status !== "DRAFT" || earlier.publishedAt !== null)) {
      throw new AppError("CONFLICT", "This item was ingested before and the desk has moved it on; it is not changed.", { id: earlier.id, status: earlier.status });
    }
    const article = earlier
      ? await tx.article.update({ where: { id: earlier.id }, data: { ...content, ...source, version: { increment: 1 } } })
      : await tx.article.create({ data: { ...content, ...source, sourceId: draft.sourceId, slug: await freeSlug(tx, draft.headline), authorId: viewer.id } });
    await replaceTags(tx, article.id, draft.tags);
    await recordRevision(tx, article.id, viewer.id, "SAVE", now);
    return { article, created: !earlier };
  });
  return { created, answer: { id: article.id, slug: article.slug, version: article.version, status: article.status, dropped: draft.dropped, headlineFrom: draft.headlineFrom } };
}
