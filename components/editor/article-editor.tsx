"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { comparableText, DiffView } from "@/components/diff-view";
import { StatusBadge } from "@/components/status-badge";
import type { EditorArticle } from "@/lib/articles";
import { figuresWithoutAlt, plainText } from "@/lib/content/document";
import { formatDateTime } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { api, type ApiError } from "./api";
import { BodyEditor } from "./body-editor";
import { CorrectionForm } from "./correction-form";
import { PreviewLinks } from "./preview-links";
import { WorkflowPanel, type Move } from "./workflow-panel";

type SaveState = "saved" | "saving" | "unsaved" | "failed";
const SAVE_LABELS: Record<SaveState, string> = { saved: "Saved", saving: "Saving…", unsaved: "Not saved", failed: "Not saved" };
const AUTOSAVE_DELAY_MS = 2_500;
const PRESENCE_EVERY_MS = 15_000;

interface Hero {
  mediaId: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
}
interface Fields {
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: string;
  tags: string;
  hero: Hero | null;
}
interface Conflict {
  updatedBy: string | null;
  updatedAt: string;
  currentVersion: number;
}

const subscribeToNothing = () => () => {};
const EMPTY_BODY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function initialFields(article: EditorArticle | null): Fields {
  const image = article?.heroImage;
  return {
    headline: article?.headline ?? "",
    standfirst: article?.standfirst ?? "",
    slug: article?.slug ?? "",
    sectionId: article?.section?.id ?? "",
    tags: article?.tags.join(", ") ?? "",
    hero: image
      ? { mediaId: image.id, url: image.url, alt: image.altText, caption: image.caption, credit: image.credit }
      : null,
  };
}

const payload = (fields: Fields, body: JSONContent) => ({
  headline: fields.headline,
  standfirst: fields.standfirst,
  slug: fields.slug || slugify(fields.headline),
  sectionId: fields.sectionId || null,
  tags: fields.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
  hero: fields.hero && { mediaId: fields.hero.mediaId, alt: fields.hero.alt, caption: fields.hero.caption, credit: fields.hero.credit },
  body,
});

export function ArticleEditor({ article, sections }: { article: EditorArticle | null; sections: { id: string; name: string }[] }) {
  const router = useRouter();
  const [state, setState] = useState(article);
  const [fields, setFields] = useState(() => initialFields(article));
  const [body, setBody] = useState<JSONContent>(() => (article?.body as JSONContent | undefined) ?? EMPTY_BODY);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [theirs, setTheirs] = useState<EditorArticle | null>(null);
  const [others, setOthers] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const edits = useRef(0);
  const versionRef = useRef(article?.version ?? 0);
  const slugTouched = useRef(article !== null && (article.publishedAt !== null || article.slug !== slugify(article.headline)));
  // Fields stay disabled until the page is interactive, so nothing typed before hydration is lost.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const canEdit = hydrated && (state ? state.canEdit : true);

  const change = (patch: Partial<Fields>) => {
    setFields((current) => {
      const next = { ...current, ...patch };
      if (patch.headline !== undefined && !slugTouched.current) next.slug = slugify(patch.headline);
      return next;
    });
    edits.current++;
    setSaveState("unsaved");
  };
  const changeBody = (doc: JSONContent) => {
    setBody(doc);
    edits.current++;
    setSaveState("unsaved");
  };

  const fail = (error: ApiError) => {
    setSaveState("failed");
    if (error.code === "conflict") {
      setConflict({ updatedBy: (error.details.updatedBy as string | null) ?? null, updatedAt: String(error.details.updatedAt), currentVersion: Number(error.details.currentVersion) });
      setProblem(null);
    } else {
      setProblem(error.message);
    }
  };

  /** Saves what is on screen; never over someone else's newer version. */
  const save = useCallback(async ({ overClash = false } = {}): Promise<boolean> => {
    if (conflict && !overClash) return false;
    if (!fields.headline.trim()) {
      setProblem("Write a headline before saving.");
      setSaveState("failed");
      return false;
    }
    const editsAtStart = edits.current;
    setSaveState("saving");
    if (!state) {
      const created = await api<{ id: string }>("/articles", { json: payload(fields, body) });
      if (!created.ok) return (fail(created.error), false);
      setSaveState("saved");
      router.replace(`/newsroom/articles/${created.data.id}`);
      return true;
    }
    const saved = await api<{ version: number; slug: string }>(`/articles/${state.id}`, { method: "PATCH", json: { version: versionRef.current, ...payload(fields, body) } });
    if (!saved.ok) return (fail(saved.error), false);
    versionRef.current = saved.data.version;
    // The first unpublished change of a live story changes what may be done with it (publish changes, discard).
    if (state.liveVersion !== null && !state.hasUnpublishedChanges) await reloadArticle(state.id);
    else setState({ ...state, version: saved.data.version, slug: saved.data.slug });
    setProblem(null);
    setSaveState(edits.current === editsAtStart ? "saved" : "unsaved");
    return true;
  }, [conflict, fields, body, state, router]);

  // Autosave a moment after the last keystroke, once the article exists (the first save is a deliberate "Save draft").
  useEffect(() => {
    if (!state || saveState !== "unsaved" || !canEdit || conflict || !fields.headline.trim()) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, saveState, canEdit, conflict, fields, body, save]);

  /** "Keep mine" after a clash: the same compare-and-set save, now naming the version that won (a new clash is told again). */
  function keepMine() {
    if (!conflict) return;
    versionRef.current = conflict.currentVersion;
    setTheirs(null);
    setConflict(null);
    void save({ overClash: true });
  }

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (saveState === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saveState]);

  // Who else has this article open: a warning, never a lock.
  useEffect(() => {
    if (!state) return;
    const beat = async () => {
      const result = await api<{ others: { id: string; name: string }[] }>(`/articles/${state.id}/presence`, { method: "POST" });
      if (result.ok) setOthers(result.data.others);
    };
    void beat();
    const timer = setInterval(beat, PRESENCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [state?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- only the article's identity restarts the heartbeat

  async function reloadArticle(id: string) {
    const fresh = await api<EditorArticle>(`/articles/${id}`);
    if (fresh.ok) {
      versionRef.current = fresh.data.version;
      setState(fresh.data);
    }
    return fresh;
  }

  async function move(step: Move) {
    if (!state) return;
    setBusy(true);
    if (saveState !== "saved" && canEdit && !(await save())) return setBusy(false);
    // Always the version on screen: only what the editor looked at is published.
    const result = await api(`/articles/${state.id}/transitions`, { json: { ...step, version: versionRef.current } });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    await reloadArticle(state.id);
  }

  async function compare() {
    if (!state) return;
    const result = await api<EditorArticle>(`/articles/${state.id}`);
    if (result.ok) setTheirs(result.data);
  }

  async function uploadHero(file: File) {
    const form = new FormData();
    form.set("file", file);
    const result = await api<{ id: string; url: string }>("/media", { form });
    if (!result.ok) return setProblem(result.error.message);
    change({ hero: { mediaId: result.data.id, url: result.data.url, alt: "", caption: "", credit: "" } });
  }

  const input = "mt-1 w-full rounded border border-rule bg-white px-3 py-2 disabled:bg-[#f3f1ec]";
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          {state && <StatusBadge status={state.status} />}
          <span role="status" aria-live="polite" data-testid="save-state" className="text-sm text-muted">
            {SAVE_LABELS[saveState]}
          </span>
          {state && <Link href={`/newsroom/articles/${state.id}/history`} className="text-sm text-accent underline">History</Link>}
          {state && <Link href={`/preview/articles/${state.id}`} className="text-sm text-accent underline">Preview</Link>}
          {state?.liveVersion != null && <Link href={`/articles/${state.slug}`} className="text-sm text-accent underline">View on site</Link>}
        </div>
        {state?.liveVersion != null && (
          <p data-testid="live-state" className={`rounded border p-2 text-sm ${state.hasUnpublishedChanges ? "border-amber-600 bg-amber-50" : "border-green-700 bg-green-50"}`}>
            {state.hasUnpublishedChanges
              ? `Live at version ${state.liveVersion}. Your edits are unpublished changes: readers keep the live version until an editor publishes them.`
              : "Live: readers see this version."}
            {state.scheduledVersion !== null && ` Version ${state.scheduledVersion} is scheduled to go live.`}
          </p>
        )}

        {state?.changeRequest && (
          <div role="note" className="rounded border-2 border-red-700 bg-red-50 p-4">
            <p className="font-bold text-red-900">Changes requested by {state.changeRequest.actor?.name ?? "an editor"}</p>
            <p className="mt-1 whitespace-pre-wrap">{state.changeRequest.note}</p>
          </div>
        )}
        {others.length > 0 && (
          <p role="note" className="rounded border border-amber-600 bg-amber-50 p-3 text-sm">
            Also open by {others.map((other) => other.name).join(", ")}. Saves never overwrite each other: whoever saves second is told.
          </p>
        )}
        {conflict && state && (
          <div role="alert" className="space-y-3 rounded border-2 border-accent bg-red-50 p-4">
            <p>
              <strong>{conflict.updatedBy ?? "Someone else"}</strong> saved this article at {formatDateTime(new Date(conflict.updatedAt))}. Your changes are
              not saved; nothing was overwritten.
            </p>
            <div className="flex gap-2">
              <button type="button" onClick={() => window.location.reload()} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
                Reload their version
              </button>
              <button type="button" onClick={() => void compare()} className="rounded border border-rule bg-white px-3 py-1 text-sm">
                Compare
              </button>
              <button type="button" onClick={keepMine} className="rounded border border-rule bg-white px-3 py-1 text-sm">
                Keep mine (save it over theirs)
              </button>
              <button
                type="button"
                onClick={() => void navigator.clipboard.writeText(comparableText({ headline: fields.headline, standfirst: fields.standfirst, bodyText: plainText(body) }))}
                className="rounded border border-rule bg-white px-3 py-1 text-sm"
              >
                Copy my text
              </button>
            </div>
            {theirs && (
              <DiffView
                label="Their version compared with yours"
                before={comparableText({ headline: theirs.headline, standfirst: theirs.standfirst, bodyText: plainText(theirs.body as JSONContent) })}
                after={comparableText({ headline: fields.headline, standfirst: fields.standfirst, bodyText: plainText(body) })}
              />
            )}
          </div>
        )}
        {problem && <p role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-accent">{problem}</p>}

        <label className="block text-sm">
          <span className="font-semibold">Headline</span>
          <input value={fields.headline} disabled={!canEdit} onChange={(e) => change({ headline: e.target.value })} className={`${input} font-serif text-2xl font-bold`} />
        </label>
        <label className="block text-sm">
          <span className="font-semibold">Standfirst</span>
          <textarea value={fields.standfirst} disabled={!canEdit} rows={2} onChange={(e) => change({ standfirst: e.target.value })} className={`${input} font-serif`} />
        </label>
        <div className="text-sm">
          <span className="font-semibold">Body</span>
          <div className="mt-1">
            <BodyEditor content={body} editable={canEdit} onChange={changeBody} />
          </div>
        </div>
        {canEdit && (
          <button type="button" onClick={() => void save()} disabled={saveState === "saving" || conflict !== null} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
            Save draft
          </button>
        )}
        {state && (
          <WorkflowPanel
            actions={state.allowedActions}
            held={state.heldActions}
            busy={busy}
            lastLook={{
              headline: fields.headline,
              standfirst: fields.standfirst,
              slug: fields.slug || slugify(fields.headline),
              section: sections.find((section) => section.id === fields.sectionId)?.name ?? null,
              hero: fields.hero && { url: fields.hero.url, alt: fields.hero.alt },
              figuresWithoutAlt: figuresWithoutAlt(body),
            }}
            onMove={(step) => void move(step)}
          />
        )}
        {state && <PreviewLinks articleId={state.id} />}
        {state?.canCorrect && <CorrectionForm articleId={state.id} corrections={state.corrections} />}
      </div>

      <aside className="space-y-4 text-sm">
        <label className="block">
          <span className="font-semibold">Section</span>
          <select value={fields.sectionId} disabled={!canEdit} onChange={(e) => change({ sectionId: e.target.value })} className={input}>
            <option value="">No section</option>
            {sections.map((section) => <option key={section.id} value={section.id}>{section.name}</option>)}
          </select>
        </label>
        <label className="block">
          <span className="font-semibold">Tags</span>
          <input value={fields.tags} disabled={!canEdit} placeholder="transport, city council" onChange={(e) => change({ tags: e.target.value })} className={input} />
        </label>
        <label className="block">
          <span className="font-semibold">Slug</span>
          <input
            value={fields.slug}
            disabled={!canEdit}
            onChange={(e) => {
              slugTouched.current = true;
              change({ slug: e.target.value });
            }}
            className={`${input} font-mono text-xs`}
          />
        </label>
        <fieldset className="space-y-2 rounded border border-rule p-3">
          <legend className="px-1 font-semibold">Hero image</legend>
          {fields.hero ? (
            // eslint-disable-next-line @next/next/no-img-element -- a preview of our own stored variant
            <img src={fields.hero.url} alt={fields.hero.alt} className="w-full rounded" />
          ) : null}
          {canEdit && (
            <label className="block">
              <span>Upload image</span>
              <input type="file" accept="image/*" onChange={(e) => e.target.files?.[0] && void uploadHero(e.target.files[0])} className="mt-1 block w-full text-xs" />
            </label>
          )}
          {fields.hero && (
            <>
              {(["alt", "caption", "credit"] as const).map((key) => (
                <label key={key} className="block">
                  <span>{{ alt: "Alt text", caption: "Caption", credit: "Credit" }[key]}</span>
                  <input value={fields.hero![key]} disabled={!canEdit} onChange={(e) => change({ hero: { ...fields.hero!, [key]: e.target.value } })} className={input} />
                </label>
              ))}
              {canEdit && <button type="button" onClick={() => change({ hero: null })} className="text-xs text-accent underline">Remove image</button>}
            </>
          )}
        </fieldset>
      </aside>
    </div>
  );
}
