"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { comparableText, DiffView } from "@/components/diff-view";
import { SignInForm } from "@/components/sign-in-form";
import { StatusBadge } from "@/components/status-badge";
import type { EditorArticle } from "@/lib/articles";
import { figuresWithoutAlt, photoSlots, plainText } from "@/lib/content/document";
import { countWords, lengthLabel } from "@/lib/content/word-count";
import { formatDateTime, formatTime } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { api, type ApiError } from "./api";
import { BodyEditor } from "./body-editor";
import { CorrectionForm } from "./correction-form";
import { guardLeaving, heldNavigation, readyToLeave } from "./leave-guard";
import { dropLocalCopy, keepLocalCopy, NEW_STORY, readLocalCopy, type LocalCopy } from "./local-copy";
import { PreviewLinks } from "./preview-links";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";
import { WorkflowPanel, type Move } from "./workflow-panel";

/**
 * Where the story's latest changes are. Every label is literally true: an
 * unsaved change is always also kept on this device (local-copy.ts) until the
 * server acknowledges it.
 */
type SaveState = "new" | "saved" | "pending" | "saving" | "retrying" | "offline" | "refused" | "signed_out" | "clash";
const AUTOSAVE_DELAY_MS = 1_000;
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;
const PRESENCE_EVERY_MS = 15_000;

function saveLabel(state: SaveState, savedAt: Date | null, keptHere: boolean): string {
  const kept = keptHere ? "kept on this device" : "this device could not keep a copy";
  switch (state) {
    case "new": return "New story: it becomes a draft as soon as you type";
    case "saved": return savedAt ? `Saved ${formatTime(savedAt)}` : "Saved";
    case "pending": return "Unsaved changes";
    case "saving": return "Saving…";
    case "retrying": return `Not saved — retrying (${kept})`;
    case "offline": return `Offline — ${kept}`;
    case "refused": return `Not saved — ${kept}`;
    case "signed_out": return `Signed out — ${kept}`;
    case "clash": return "Not saved — someone else saved first";
  }
}

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
interface Snapshot {
  fields: Fields;
  body: JSONContent;
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

const payload = ({ fields, body }: Snapshot) => ({
  headline: fields.headline,
  standfirst: fields.standfirst,
  // An untitled draft keeps the placeholder address the server gave it.
  slug: fields.slug || slugify(fields.headline) || undefined,
  sectionId: fields.sectionId || null,
  tags: fields.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
  hero: fields.hero && { mediaId: fields.hero.mediaId, alt: fields.hero.alt, caption: fields.hero.caption, credit: fields.hero.credit },
  body,
});

const snapshotText = ({ fields, body }: Snapshot) => comparableText({ headline: fields.headline, standfirst: fields.standfirst, bodyText: plainText(body) });
/** Whether two snapshots differ in anything a person wrote or chose (the body compared as text: the server normalises its JSON). */
const sameWork = (a: Snapshot, b: Snapshot) =>
  snapshotText(a) === snapshotText(b) && JSON.stringify({ ...payload(a), body: null }) === JSON.stringify({ ...payload(b), body: null });

const storyPath = (id: string | null) => (id ? `/api/v1/newsroom/articles/${id}` : "/api/v1/newsroom/articles");

export function ArticleEditor({ article, sections }: { article: EditorArticle | null; sections: { id: string; name: string }[] }) {
  const router = useRouter();
  const [state, setState] = useState(article);
  const [fields, setFields] = useState(() => initialFields(article));
  const [body, setBody] = useState<JSONContent>(() => (article?.body as JSONContent | undefined) ?? EMPTY_BODY);
  // Restoring a local copy replaces the body wholesale: a new key gives the body editor the new document.
  const [bodyKey, setBodyKey] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>(article ? "saved" : "new");
  const [savedAt, setSavedAt] = useState<Date | null>(() => (article ? new Date(article.updatedAt) : null));
  const [keptHere, setKeptHere] = useState(true);
  const [offer, setOffer] = useState<LocalCopy<Snapshot> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [theirs, setTheirs] = useState<EditorArticle | null>(null);
  const [others, setOthers] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);

  // The save machinery reads refs, never render-time state: a save started by a timer, a link or a closing tab sends what is on screen now.
  const latest = useRef<Snapshot>({ fields, body });
  const articleId = useRef(article?.id ?? null);
  const versionRef = useRef(article?.version ?? 0);
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const retryDelay = useRef(FIRST_RETRY_MS);
  const whyNotSaved = useRef("");
  const liveWithoutChanges = useRef(article !== null && article.liveVersion !== null && !article.hasUnpublishedChanges);
  const slugTouched = useRef(article !== null && (article.publishedAt !== null || article.slug !== slugify(article.headline)));
  // Fields stay disabled until the page is interactive, so nothing typed before hydration is lost.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const canEdit = hydrated && (state ? state.canEdit : true);

  const storyKey = () => articleId.current ?? NEW_STORY;
  const hasPendingWork = () => edits.current !== savedEdits.current || inFlight.current !== null;

  function record(next: Snapshot) {
    latest.current = next;
    edits.current++;
    setKeptHere(keepLocalCopy(storyKey(), next, versionRef.current));
    setSaveState((current) => (current === "clash" || current === "signed_out" ? current : "pending"));
  }
  const change = (patch: Partial<Fields>) => {
    const next = { ...latest.current.fields, ...patch };
    if (patch.headline !== undefined && !slugTouched.current) next.slug = slugify(patch.headline);
    setFields(next);
    record({ ...latest.current, fields: next });
  };
  const changeBody = (doc: JSONContent) => {
    setBody(doc);
    record({ ...latest.current, body: doc });
  };

  function refused(error: ApiError) {
    // A version clash names the current version; another conflict (a slug already taken) is a refusal like any other.
    if (error.code === "conflict" && error.details.currentVersion !== undefined) {
      setConflict({ updatedBy: (error.details.updatedBy as string | null) ?? null, updatedAt: String(error.details.updatedAt), currentVersion: Number(error.details.currentVersion) });
      whyNotSaved.current = "Someone else saved this story after you opened it; your latest changes are not saved.";
      setProblem(null);
      return setSaveState("clash");
    }
    if (error.status === 401) {
      whyNotSaved.current = "Your session has ended; your latest changes are not saved.";
      return setSaveState("signed_out");
    }
    if (error.status === 0 || error.status === 429 || error.status >= 500) {
      whyNotSaved.current = error.status === 0 ? "There is no connection to the server; your latest changes are not saved." : `The server could not save your latest changes (${error.message}).`;
      return setSaveState(error.status === 0 ? "offline" : "retrying");
    }
    whyNotSaved.current = `Your latest changes were refused: ${error.message}`;
    setProblem(error.message);
    setSaveState("refused");
  }

  /** One compare-and-set save of what is on screen (the first one creates the draft). */
  async function sendSave(): Promise<boolean> {
    const editsAtStart = edits.current;
    const id = articleId.current;
    setSaveState("saving");
    const result = id
      ? await api<{ id: string; version: number; slug: string }>(`/articles/${id}`, { method: "PATCH", json: { version: versionRef.current, ...payload(latest.current) } })
      : await api<{ id: string; version: number; slug: string }>("/articles", { json: payload(latest.current) });
    if (!result.ok) return (refused(result.error), false);
    versionRef.current = result.data.version;
    savedEdits.current = editsAtStart;
    retryDelay.current = FIRST_RETRY_MS;
    setSavedAt(new Date());
    setProblem(null);
    if (!id) {
      const created = result.data.id;
      articleId.current = created;
      dropLocalCopy(NEW_STORY);
      // The same editor stays mounted (nothing typed meanwhile is lost); the address becomes the story's.
      window.history.replaceState(null, "", `/newsroom/articles/${created}`);
    }
    // A new story, or the first unpublished change of a live one, changes what may be done with it.
    if (!id || liveWithoutChanges.current) await reloadArticle(articleId.current!);
    else setState((current) => current && { ...current, version: result.data.version, slug: result.data.slug });
    if (edits.current === editsAtStart) {
      dropLocalCopy(storyKey());
      setSaveState("saved");
    } else {
      keepLocalCopy(storyKey(), latest.current, versionRef.current);
      setSaveState("pending");
    }
    return true;
  }

  /** Saves what is pending, one save at a time; true once the server has everything typed so far. */
  async function saveNow(): Promise<boolean> {
    while (inFlight.current) await inFlight.current;
    if (edits.current === savedEdits.current) return true;
    const run = sendSave();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }

  /** Saves sent while the page goes away: keepalive lets them finish after it has gone. */
  function sendOnExit() {
    if (edits.current === savedEdits.current) return;
    const send = () => {
      const id = articleId.current;
      const editsAtSend = edits.current;
      const json = id ? { version: versionRef.current, ...payload(latest.current) } : payload(latest.current);
      void fetch(storyPath(id), { method: id ? "PATCH" : "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(json), keepalive: true })
        .then(async (response) => {
          if (!response.ok) return; // the local copy stays and is offered next time
          const saved = (await response.json()) as { id?: string; version: number };
          articleId.current ??= saved.id ?? null;
          versionRef.current = saved.version;
          savedEdits.current = editsAtSend;
          dropLocalCopy(id ?? NEW_STORY);
        })
        .catch(() => {});
    };
    if (inFlight.current) void inFlight.current.then(send);
    else send();
  }

  const machinery = useRef({ saveNow, sendOnExit });
  useEffect(() => {
    machinery.current = { saveNow, sendOnExit };
  });

  // Autosave a moment after the last change; a new story becomes a draft on its first input.
  const pending = saveState === "pending" && canEdit;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void machinery.current.saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending, fields, body]);

  // A save the server could not take is tried again, later each time, and at once when the connection returns.
  useEffect(() => {
    if (saveState !== "retrying" && saveState !== "offline") return;
    const retry = () => {
      setSaveState("pending");
      void machinery.current.saveNow();
    };
    const timer = setTimeout(retry, retryDelay.current);
    retryDelay.current = Math.min(retryDelay.current * 2, LONGEST_RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [saveState]);

  // Leaving: in-app links and sign-out wait for the save (or ask); closing the tab asks and sends what it can; Back sends on the way out.
  useEffect(() => {
    const unregister = guardLeaving(async () => {
      if (!hasPendingWork()) return { saved: true };
      if ((await machinery.current.saveNow()) && !hasPendingWork()) return { saved: true };
      return { saved: false, reason: whyNotSaved.current || "Your latest changes are not saved yet." };
    });
    const holdLinks = (event: MouseEvent) => {
      if (!hasPendingWork()) return;
      const destination = heldNavigation(event);
      if (!destination) return;
      event.preventDefault();
      event.stopPropagation();
      void readyToLeave().then((leave) => leave && router.push(destination));
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (hasPendingWork()) event.preventDefault();
    };
    const exit = () => machinery.current.sendOnExit();
    document.addEventListener("click", holdLinks, true);
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", exit);
    return () => {
      unregister();
      document.removeEventListener("click", holdLinks, true);
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", exit);
      exit();
    };
  }, [router]);

  // Work this device kept but the server never acknowledged (a crash, a closed tab, a refused save) is offered back.
  useEffect(() => {
    const kept = readLocalCopy<Snapshot>(articleId.current ?? NEW_STORY);
    if (!kept) return;
    if (sameWork(kept.content, latest.current)) dropLocalCopy(articleId.current ?? NEW_STORY);
    else setOffer(kept);
  }, []);

  function restoreLocalCopy() {
    if (!offer) return;
    setFields(offer.content.fields);
    setBody(offer.content.body);
    setBodyKey((key) => key + 1);
    setOffer(null);
    record(offer.content);
  }
  function discardLocalCopy() {
    dropLocalCopy(storyKey());
    setOffer(null);
  }

  /** "Keep mine" after a clash: the same compare-and-set save, now naming the version that won (a new clash is told again). */
  function keepMine() {
    if (!conflict) return;
    versionRef.current = conflict.currentVersion;
    setTheirs(null);
    setConflict(null);
    setSaveState("pending");
    void saveNow();
  }

  /** "Reload their version": the person chose to let their own changes go, so nothing is offered back. */
  function takeTheirs() {
    savedEdits.current = edits.current;
    dropLocalCopy(storyKey());
    window.location.reload();
  }

  function signedInAgain() {
    setSaveState("pending");
    void saveNow();
  }

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
      liveWithoutChanges.current = fresh.data.liveVersion !== null && !fresh.data.hasUnpublishedChanges;
      setState(fresh.data);
    }
    return fresh;
  }

  async function move(step: Move) {
    if (!state) return;
    setBusy(true);
    if (canEdit && !(await saveNow())) return setBusy(false);
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
    const result = await uploadImageFile(file);
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
            {saveLabel(saveState, savedAt, keptHere)}
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

        {offer && (
          <div role="alert" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4">
            <p>
              This device kept changes to this story that the server never got (from {formatDateTime(new Date(offer.keptAt))}).
              {state && offer.baseVersion !== state.version && ` The story has been saved since (version ${state.version}); restoring puts your text on top of it.`}
            </p>
            <DiffView label="The saved story compared with the copy on this device" before={snapshotText(latest.current)} after={snapshotText(offer.content)} />
            <div className="flex gap-2">
              <button type="button" onClick={restoreLocalCopy} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
                Restore my changes
              </button>
              <button type="button" onClick={discardLocalCopy} className="rounded border border-rule bg-white px-3 py-1 text-sm">
                Discard them
              </button>
            </div>
          </div>
        )}
        {saveState === "signed_out" && (
          <div role="dialog" aria-modal="true" aria-labelledby="sign-in-again" className="fixed inset-0 z-50 grid place-items-center bg-black/40 p-4">
            <div className="w-full max-w-sm rounded bg-paper p-6 shadow-lg">
              <h2 id="sign-in-again" className="font-serif text-xl font-bold">Sign in to keep working</h2>
              <p className="mt-1 text-sm">Your session ended. Nothing you typed is lost: it is kept on this device and saved as soon as you are signed in.</p>
              <SignInForm onSignedIn={signedInAgain} />
            </div>
          </div>
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
              <button type="button" onClick={takeTheirs} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
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
            {/* Not `canEdit`: the body is editable from the first paint, before hydration (body-editor.tsx). */}
            <BodyEditor key={bodyKey} content={body} editable={state ? state.canEdit : true} onChange={changeBody} />
          </div>
          <p className="mt-1 text-xs text-muted" data-testid="length">{lengthLabel(countWords(body))}</p>
        </div>
        {canEdit && (
          <button type="button" onClick={() => void saveNow()} disabled={saveState === "saving" || conflict !== null} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
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
              photoSlots: photoSlots(body),
            }}
            onMove={(step) => void move(step)}
          />
        )}
        {state?.canShare && <PreviewLinks articleId={state.id} />}
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
              <span className="mt-1 block text-xs text-muted">{UPLOAD_HINT}</span>
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
