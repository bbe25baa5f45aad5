"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

interface Preview {
  headline: string;
  headlineFrom: string;
  standfirst: string;
  body: JSONContent;
  tags: string[];
  byline: string | null;
  dropped: string[];
  /** what the desk should know: the embargo read from the copy, or why none was set */
  notes: string[];
}

const HEADLINE_RULES: Record<string, string> = {
  "headline-line": "from its “Headline:” line",
  "candidate-line": "the line that reads like a headline",
  "first-sentence": "its first sentence (no headline line was found)",
  ninjs: "the item’s headline",
  "page-heading": "the page’s main heading",
};

/** JSON (a ninjs item) when it looks like an object, or named .json; plain text otherwise. */
const contentTypeOf = (text: string, fileName: string | null) =>
  fileName?.toLowerCase().endsWith(".json") || (!fileName && text.trimStart().startsWith("{")) ? "application/json" : "text/plain; charset=utf-8";

const textOf = (node: JSONContent): string => (node.text ?? "") + (node.content ?? []).map(textOf).join("");

async function send(text: string, fileName: string | null, preview: boolean) {
  const response = await fetch(`/api/v1/newsroom/ingest${preview ? "?preview=1" : ""}`, { method: "POST", headers: { "Content-Type": contentTypeOf(text, fileName) }, body: text });
  const payload = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, payload };
}

/** Paste or drop copy, see the draft it makes (headline and why, standfirst, paragraphs, photo slots, what was dropped), then make it. */
export function ImportForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<{ message: string; existing?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function readFile(file: File) {
    setFileName(file.name);
    setText(await file.text());
    setPreview(null);
  }
  async function look() {
    setBusy(true);
    const result = await send(text, fileName, true);
    setBusy(false);
    if (!result.ok) return setProblem({ message: result.payload.error?.message ?? "The copy could not be read." });
    setProblem(null);
    setPreview(result.payload as Preview);
  }
  async function create() {
    setBusy(true);
    const result = await send(text, fileName, false);
    setBusy(false);
    if (!result.ok) return setProblem({ message: result.payload.error?.message ?? "The draft was not made.", existing: result.status === 409 ? result.payload.error?.id : undefined });
    router.push(`/newsroom/articles/${result.payload.id}`);
  }

  return (
    <div className="space-y-4">
      <div
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const file = event.dataTransfer.files[0];
          if (file) void readFile(file);
        }}
        className="space-y-2 rounded border border-dashed border-rule bg-paper p-4"
      >
        <label htmlFor="copy" className="block text-sm font-semibold">The copy</label>
        <textarea
          id="copy"
          value={text}
          rows={14}
          onChange={(event) => {
            setText(event.target.value);
            setFileName(null);
            setPreview(null);
          }}
          placeholder="Paste the story here, or drop a file on this box"
          className="block w-full rounded border border-rule px-2 py-1 font-mono text-xs"
        />
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label>
            Or choose a file <input type="file" accept=".txt,.json,text/plain,application/json" onChange={(event) => event.target.files?.[0] && void readFile(event.target.files[0])} />
          </label>
          {fileName && <span className="text-muted">{fileName}</span>}
          <button type="button" disabled={busy || !text.trim()} onClick={() => void look()} className="ml-auto rounded border border-rule bg-white px-3 py-1.5 font-semibold disabled:opacity-50">
            Preview the draft
          </button>
        </div>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-accent">
          {problem.message} {problem.existing && <Link href={`/newsroom/articles/${problem.existing}`} className="underline">Open the story it made before</Link>}
        </p>
      )}
      {preview && (
        <section aria-label="The draft it will make" className="space-y-3 rounded border border-rule bg-paper p-5 text-sm">
          <p className="text-xs uppercase text-muted">Headline — {HEADLINE_RULES[preview.headlineFrom] ?? preview.headlineFrom}</p>
          <h2 className="font-serif text-2xl font-bold" data-testid="preview-headline">{preview.headline}</h2>
          {preview.standfirst && <p className="font-serif text-lg">{preview.standfirst}</p>}
          {preview.byline && <p className="text-muted">By {preview.byline}</p>}
          <ol className="space-y-2" aria-label="Body">
            {(preview.body.content ?? []).map((node, index) =>
              node.type === "figure" ? (
                <li key={index} data-testid="preview-slot" className="rounded border-2 border-dashed border-amber-600 bg-amber-50 p-2">
                  Photo slot: {String(node.attrs?.caption ?? "")} <span className="text-muted">(credit: {String(node.attrs?.credit ?? "") || "none"})</span>
                </li>
              ) : (
                <li key={index} data-testid="preview-block" className="font-serif">{node.type === "heading" ? <strong>{textOf(node)}</strong> : textOf(node)}</li>
              ),
            )}
          </ol>
          {preview.tags.length > 0 && <p>Tags: {preview.tags.join(", ")}</p>}
          {preview.notes.length > 0 && (
            <div>
              <p className="font-semibold">Notes</p>
              <ul className="list-inside list-disc" aria-label="Notes">
                {preview.notes.map((note) => <li key={note}>{note}</li>)}
              </ul>
            </div>
          )}
          {preview.dropped.length > 0 && (
            <div>
              <p className="font-semibold">Dropped</p>
              <ul className="list-inside list-disc text-muted" aria-label="Dropped">
                {preview.dropped.map((line) => <li key={line}>{line}</li>)}
              </ul>
            </div>
          )}
          <button type="button" disabled={busy} onClick={() => void create()} className="rounded bg-ink px-4 py-2 font-semibold text-paper disabled:opacity-50">
            Create the draft
          </button>
        </section>
      )}
    </div>
  );
}
