import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticle, listEvents, listRevisions } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { plainText } from "@/lib/content/document";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ACTION_LABELS, STATE_LABELS, type WorkflowAction } from "@/lib/workflow";
import { RevisionCompare } from "./revision-compare";

export const metadata = { title: "History" };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const { id } = await params;
  const article = await getArticle(viewer, id).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!article) notFound();
  const [revisions, events] = await Promise.all([listRevisions(viewer, id), listEvents(viewer, id)]);
  return (
    <div className="space-y-8">
      <div>
        <Link href={`/newsroom/articles/${id}`} className="text-sm text-accent underline">Back to the article</Link>
        <h1 className="mt-2 font-serif text-3xl font-bold">History: {article.headline}</h1>
      </div>
      <section aria-labelledby="revisions" className="space-y-3">
        <h2 id="revisions" className="text-xl font-bold">Revisions</h2>
        <RevisionCompare
          articleId={id}
          currentVersion={article.version}
          canRestore={article.canEdit}
          revisions={revisions.map((r) => ({ id: r.id, version: r.version, headline: r.headline, standfirst: r.standfirst, bodyText: plainText(r.body as JSONContent), createdAt: r.createdAt, author: r.author }))}
        />
      </section>
      <section aria-labelledby="events">
        <h2 id="events" className="text-xl font-bold">Workflow</h2>
        <ol className="mt-3 divide-y divide-rule rounded border border-rule bg-paper text-sm">
          {events.map((event) => (
            <li key={event.id} className="p-3">
              <p>
                <strong>{ACTION_LABELS[event.action as WorkflowAction] ?? event.action}</strong> by {event.actor?.name ?? "the scheduler"} ·{" "}
                {STATE_LABELS[event.fromStatus]} → {STATE_LABELS[event.toStatus]} · {formatDateTime(event.createdAt)}
              </p>
              {event.note && <p className="mt-1 whitespace-pre-wrap text-muted">“{event.note}”</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
