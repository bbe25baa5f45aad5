import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticle, listEvents, listRevisions, type RevisionPage } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { figureLines, plainText } from "@/lib/content/document";
import { AppError } from "@/lib/errors";
import { formatDateTime, headlineOrUntitled } from "@/lib/format";
import { ACTION_LABELS, DESK_FACT_LABELS, ENTRY_ACTION_LABELS, isDeskFact, isEntryAction, STATE_LABELS, type WorkflowAction } from "@/lib/workflow";
import { SourceLine } from "@/components/newsroom/source-line";
import { RevisionCompare } from "./revision-compare";

export const metadata = { title: "History" };

/** Everything a reviewer compares between two revisions: words, photos with their texts, section and tags, search and social. */
function reviewText(revision: RevisionPage["revisions"][number]): string {
  const body = revision.body as JSONContent;
  return [
    revision.headline,
    revision.standfirst,
    plainText(body),
    `Section: ${revision.section?.name ?? "none"} · Tags: ${revision.tagSlugs.join(", ") || "none"} · Slug: ${revision.slug}`,
    // Search and social as readers' meta tags will carry them: what is empty falls back, and says so.
    `Search & social: title ${revision.seoTitle || "(headline)"} · description ${revision.description || "(standfirst)"} · image ${revision.socialImageUrl ?? "(hero)"}`,
    revision.heroUrl ? `Hero photo ${revision.heroUrl}: ${revision.heroCaption} (Photo: ${revision.heroCredit}) [alt: ${revision.heroAlt}]` : "No hero photo",
    ...figureLines(body),
  ].join("\n\n");
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> }) {
  const viewer = await pageViewer();
  const { id } = await params;
  const { before } = await searchParams;
  const article = await getArticle(viewer, id).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!article) notFound();
  const [{ revisions, nextBefore }, events] = await Promise.all([listRevisions(viewer, { articleId: id, ...(before && { before }) }), listEvents(viewer, id)]);
  return (
    <div className="space-y-8">
      <div>
        <Link href={`/newsroom/articles/${id}`} className="text-sm text-accent underline">Back to the article</Link>
        <h1 className="mt-2 font-serif text-3xl font-bold">History: {headlineOrUntitled(article.headline)}</h1>
        <div className="mt-2">
          <SourceLine source={article.source} />
        </div>
      </div>
      <section aria-labelledby="revisions" className="space-y-3">
        <h2 id="revisions" className="text-xl font-bold">Revisions</h2>
        <RevisionCompare
          articleId={id}
          currentVersion={article.version}
          canRestore={article.canEdit}
          revisions={revisions.map((r) => ({ id: r.id, version: r.version, kind: r.kind, live: r.live, scheduled: r.scheduled, headline: r.headline, text: reviewText(r), createdAt: r.createdAt, author: r.author }))}
        />
        <nav aria-label="Older and newer revisions" className="flex justify-between text-sm">
          {before ? <Link href={`/newsroom/articles/${id}/history`} className="text-accent underline">← Newest revisions</Link> : <span />}
          {nextBefore && <Link href={`/newsroom/articles/${id}/history?before=${nextBefore}`} className="text-accent underline">Older revisions →</Link>}
        </nav>
      </section>
      <section aria-labelledby="events">
        <h2 id="events" className="text-xl font-bold">Workflow</h2>
        <ol className="mt-3 divide-y divide-rule rounded border border-rule bg-paper text-sm">
          {events.map((event) => (
            <li key={event.id} className="p-3">
              {isEntryAction(event.action) || isDeskFact(event.action) ? (
                <p>
                  <strong>{isEntryAction(event.action) ? ENTRY_ACTION_LABELS[event.action] : DESK_FACT_LABELS[event.action]}</strong> by {event.actor?.name ?? "the scheduler"} · {formatDateTime(event.createdAt)}
                </p>
              ) : (
                <p>
                  <strong>{ACTION_LABELS[event.action as WorkflowAction] ?? event.action}</strong> by {event.actor?.name ?? "the scheduler"} ·{" "}
                  {STATE_LABELS[event.fromStatus]} → {STATE_LABELS[event.toStatus]} · {formatDateTime(event.createdAt)}
                </p>
              )}
              {event.note && <p className="mt-1 whitespace-pre-wrap text-muted">“{event.note}”</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
