import { recordRevision, replaceTags } from "@/lib/articles/content";
import { tokenNameOf } from "@/lib/auth/api-tokens";
import type { SignedInViewer } from "@/lib/auth/viewer";
import { validateDocument } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, mayCreateArticles } from "@/lib/policy";
import type { ArticleState } from "@/lib/workflow";
import { slugify, untitledSlug } from "@/lib/slug";
import { readBackTime } from "@/lib/written-time";
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

/**
 * The draft a delivery makes, checked by the document validator like any
 * save; nothing is stored. An embargo the copy states is read in the
 * newsroom's zone, against `now` (one already passed is not set).
 */
export function draftOf(request: IngestRequest, now = new Date()): IngestedDraft {
  const { format, text } = readDelivery(request);
  const context = { zone: env().NEWSROOM_TIME_ZONE, now };
  let draft: IngestedDraft;
  if (format === "text") draft = parsePlainText(text, context);
  else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "The body is not valid JSON.", { field: "ninjs" });
    }
    draft = parseNinjs(json, context);
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

type Earlier = { id: string; status: ArticleState; authorId: string; assigneeId: string | null; liveRevisionId: string | null; publishedAt: Date | null; version: number };

/**
 * Whether a redelivery may rewrite the draft its sender made before. Only
 * while it is still the sender's own copy: a draft that never went live
 * (a story readers have had is never rewritten, even unpublished back to a
 * draft), that the sender may edit (policy), and that nobody else has
 * written in since — once a reporter has started on the wire copy, the
 * desk has taken it over and a newer wire version must not wipe their work.
 * Refusals name the draft only to a sender who may see it.
 */
async function refuseUnlessRewritable(tx: Tx, viewer: SignedInViewer, earlier: Earlier): Promise<void> {
  const facts = { status: earlier.status, authorId: earlier.authorId, assigneeId: earlier.assigneeId, live: earlier.liveRevisionId !== null, changes: true };
  const named = can(viewer, "view", facts).ok ? { id: earlier.id, status: earlier.status } : {};
  if (earlier.status !== "DRAFT" || earlier.publishedAt !== null || !can(viewer, "edit", facts).ok) {
    throw new AppError("CONFLICT", "This item was ingested before and the desk has moved it on; it is not changed.", named);
  }
  const latest = await tx.revision.findFirst({ where: { articleId: earlier.id }, orderBy: { version: "desc" }, select: { authorId: true } });
  if (latest && latest.authorId !== viewer.id) {
    throw new AppError("CONFLICT", "This item was ingested before and someone on the desk has edited it since; the new copy does not overwrite their work.", named);
  }
}

const isSourceClash = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes("source");

/**
 * Copy from outside becomes a draft: a new one, or — when the same sender
 * sends an item it sent before (same source id) — its draft updated, while
 * that draft is still the sender's to rewrite (above); otherwise the answer
 * is 409 and nothing changes. A source id belongs to its sender (an API
 * token's user, or the person importing): the same uri from anyone else
 * makes their own draft, and says nothing of anyone else's.
 */
export async function ingest(viewer: SignedInViewer, request: IngestRequest, now = new Date()) {
  if (!mayCreateArticles(viewer)) throw forbidden();
  const draft = draftOf(request, now);
  const source = {
    // The agency is the token's name ("AP"); a person's import says who brought it in.
    sourceAgency: viewer.machine ? tokenNameOf(viewer.name) : `Imported by ${viewer.name}`,
    sourceReceivedAt: now,
    sourceByline: draft.byline,
  };
  const content = { headline: draft.headline, standfirst: draft.standfirst, body: draft.body, embargoUntil: draft.embargoUntil };
  const store = () =>
    db().$transaction(async (tx) => {
      const earlier = draft.sourceId
        ? await tx.article.findUnique({
            where: { sourceScope_sourceId: { sourceScope: viewer.id, sourceId: draft.sourceId } },
            select: { id: true, status: true, authorId: true, assigneeId: true, liveRevisionId: true, publishedAt: true, version: true, embargoUntil: true },
          })
        : null;
      let article;
      const notes = [...draft.notes];
      if (earlier) {
        await refuseUnlessRewritable(tx, viewer, earlier);
        // A redelivery sets an embargo or moves it later; one that states none, or an earlier end, keeps the embargo
        // still to come (an update must not break it): only an editor lifts or shortens an embargo, with a reason.
        const inForce = earlier.embargoUntil !== null && earlier.embargoUntil > now ? earlier.embargoUntil : null;
        const kept = inForce && (draft.embargoUntil === null || draft.embargoUntil < inForce) ? inForce : null;
        if (kept) {
          const said = draft.embargoUntil === null ? "states no embargo" : "states an earlier end";
          notes.push(`This delivery ${said}; the embargo already set (${readBackTime(kept, env().NEWSROOM_TIME_ZONE)}) is kept — an editor lifts it.`);
        }
        // Compare-and-set, like any save: a move or an edit that landed since the read above wins.
        const { count } = await tx.article.updateMany({
          where: { id: earlier.id, version: earlier.version, status: "DRAFT", publishedAt: null, liveRevisionId: null },
          data: { ...content, ...(kept && { embargoUntil: kept }), ...source, version: { increment: 1 } },
        });
        if (count === 0) throw new AppError("CONFLICT", "This item's draft changed while the new copy arrived; it is not changed. Send it again.", { id: earlier.id });
        article = await tx.article.findUniqueOrThrow({ where: { id: earlier.id } });
      } else {
        article = await tx.article.create({
          data: { ...content, ...source, sourceId: draft.sourceId, sourceScope: draft.sourceId ? viewer.id : null, slug: await freeSlug(tx, draft.headline), authorId: viewer.id },
        });
      }
      await replaceTags(tx, article.id, draft.tags);
      await recordRevision(tx, article.id, viewer.id, "SAVE", now);
      return { article, created: !earlier, notes };
    });
  // Two deliveries of a new item at once: the second finds the first's draft when it tries again.
  const { article, created, notes } = await store().catch((error: unknown) => (isSourceClash(error) ? store() : Promise.reject(error)));
  return {
    created,
    answer: { id: article.id, slug: article.slug, version: article.version, status: article.status, dropped: draft.dropped, headlineFrom: draft.headlineFrom, embargoUntil: article.embargoUntil, notes },
  };
}
