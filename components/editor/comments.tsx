"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";

export interface CommentView {
  id: string;
  body: string;
  createdAt: string | Date;
  author: { name: string };
}

export function Comments({ articleId, initial }: { articleId: string; initial: CommentView[] }) {
  const [comments, setComments] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="comments" className="rounded border border-rule bg-paper p-4">
      <h2 id="comments" className="font-bold">Comments</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {comments.map((comment) => (
          <li key={comment.id} className="rounded bg-white p-2">
            <p className="text-xs text-muted">{comment.author.name} · {formatDateTime(new Date(comment.createdAt))}</p>
            <p className="whitespace-pre-wrap">{comment.body}</p>
          </li>
        ))}
      </ul>
      <form
        className="mt-3 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const result = await api<CommentView>(`/articles/${articleId}/comments`, { json: { body: new FormData(form).get("comment") } });
          if (!result.ok) return setError(result.error.message);
          setError(null);
          setComments([...comments, result.data]);
          form.reset();
        }}
      >
        {error && <p role="alert" className="text-sm text-accent">{error}</p>}
        <label className="block text-sm">
          <span className="font-semibold">Comment</span>
          <textarea name="comment" required rows={2} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-rule bg-white px-3 py-1 text-sm">Add comment</button>
      </form>
    </section>
  );
}
