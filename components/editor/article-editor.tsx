"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { comparableText, DiffView } from "@/components/diff-view";
import { SignInForm } from "@/components/sign-in-form";
import { StatusBadge } from "@/components/status-badge";
import type { EditorArticle } from "@/lib/articles";
import { photoSlots, plainText } from "@/lib/content/document";
import type { CheckResult } from "@/lib/publishing/checks";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { countWords, lengthLabel } from "@/lib/content/word-count";
import { formatDateTime, formatTime } from "@/lib/format";
import { slugFollowsHeadline, slugify } from "@/lib/slug";
import type { PhotoFraming } from "@/lib/media/crops";
import { transitionOf } from "@/lib/workflow";
import { api, type ApiError } from "./api";
import { BodyEditor } from "./body-editor";
import { CorrectionForm } from "./correction-form";
import { guardLeaving, heldNavigation, readyToLeave } from "./leave-guard";
import { LimitedField } from "./limited-field";
import { dropLocalCopy, keepLocalCopy, NEW_STORY, readLocalCopy, type LocalCopy } from "./local-copy";
import { EmbargoAndLegal } from "./embargo-legal";
import { HeroFraming } from "./hero-framing";
import { PlanSummary } from "./plan-summary";
import { PreviewLinks } from "./preview-links";
import { SaveButton } from "./save-button";
import { SearchSocialFields, type SearchSocialValues } from "./search-social-fields";
import { StoryHeading } from "./story-heading";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";
import { PhotoRights } from "./photo-rights";
import { usePresence } from "./use-presence";
import { WorkflowPanel, type Move, type MoveDone } from "./workflow-panel";

/**
 * Where the story's latest changes are. Every label is literally true: an
 * unsaved change is always also kept on this device (local-copy.ts) until the
 * server acknowledges it.
 */
type SaveState = "new" | "saved" | "partly_saved" | "pending" | "saving" | "retrying" | "offline" | "refused" | "signed_out" | "clash";
const AUTOSAVE_DELAY_MS = 1_000;
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

function saveLabel(state: SaveState, savedAt: Date | null, keptHere: boolean, keptBack: KeptBack[] = []): string {
  const kept = keptHere ? "kept on this device" : "this device could not keep a copy";
  switch (state) {
    case "new": return "New story: it becomes a draft as soon as you type";
    case "saved": return savedAt ? `Saved ${formatTime(savedAt)}` : "Saved";
    case "partly_saved": return `${savedAt ? `Saved ${formatTime(savedAt)}` : "Saved"} — ${keptBackSummary(keptBack)} (${kept})`;
    case "pending": return "Unsaved changes";
    case "saving": return "Saving…";
    case "retrying": return `Not saved — retrying (${kept})`;
    case "offline": return `Offline — ${kept}`;
    case "refused": return `Not saved — ${kept}`;
    case "signed_out": return `Signed out — ${kept}`;
    case "clash": return "Not saved — someone else saved first";
  }
}

/** A field a save kept back, as the API names it (lib/articles/field-check.ts). */
interface KeptBack {
  field: string;
  message: string;
}
interface SaveAnswer {
  id: string;
  version: number;
  slug: string;
  invalid?: KeptBack[];
}

const FIELD_NAMES: Record<string, string> = { "hero.alt": "alt text", "hero.caption": "caption", "hero.credit": "credit", seoTitle: "SEO title", socialImage: "social image" };
/** "headline not saved: too long": what the save state says of the fields kept back; the messages under them say the rest. */
function keptBackSummary(keptBack: KeptBack[]): string {
  const parts = keptBack.map(({ field, message }) => {
    // A photo's text past its limit is kept back on its own; the rest of the body is saved.
    const photo = /^Body: a photo's (alt text|caption|credit) must be at most/.exec(message);
    if (photo) return { name: `a photo's ${photo[1]}`, reason: "too long" };
    return { name: FIELD_NAMES[field] ?? field, reason: /must be at most/.test(message) ? "too long" : /already taken/.test(message) ? "already taken" : "see the message under it" };
  });
  const names = parts.map(({ name }) => name);
  const reasons = new Set(parts.map(({ reason }) => reason));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `${list} not saved: ${reasons.size === 1 ? [...reasons][0] : "see the messages under them"}`;
}

interface Hero {
  mediaId: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** absent in a device copy kept before framing existed: the save then leaves the stored framing alone */
  width?: number;
  height?: number;
  framing?: PhotoFraming | null;
}
interface Fields extends SearchSocialValues {
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
      ? { mediaId: image.id, url: image.url, alt: image.altText, caption: image.caption, credit: image.credit, width: image.width, height: image.height, framing: image.framing }
      : null,
    seoTitle: article?.seoTitle ?? "",
    description: article?.description ?? "",
    socialImage: article?.socialImage ?? null,
  };
}

const payload = ({ fields, body }: Snapshot) => ({
  headline: fields.headline,
  standfirst: fields.standfirst,
  // An untitled draft keeps the placeholder address the server gave it.
  slug: fields.slug || slugify(fields.headline) || undefined,
  sectionId: fields.sectionId || null,
  tags: fields.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
  hero: fields.hero && {
    mediaId: fields.hero.mediaId,
    alt: fields.hero.alt,
    caption: fields.hero.caption,
    credit: fields.hero.credit,
    ...(fields.hero.framing !== undefined && { focus: fields.hero.framing?.focus ?? null, ...(fields.hero.framing && { crops: fields.hero.framing.crops }) }),
  },
  // A device copy kept before these fields existed has none: absent, so the save leaves them as they are.
  seoTitle: fields.seoTitle,
  description: fields.description,
  socialImage: fields.socialImage && fields.socialImage.mediaId,
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
  /** Why the last save kept a field back, by field ("headline", "hero.alt"…): shown under the field. */
  const [flags, setFlags] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [theirs, setTheirs] = useState<EditorArticle | null>(null);
  const others = usePresence(state?.id ?? null);
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
  /** The fields the last save kept back (too long, a slug taken…): flagged in place, and still kept on this device. */
  const keptBack = useRef<KeptBack[]>([]);
  const liveWithoutChanges = useRef(article !== null && article.liveVersion !== null && !article.hasUnpublishedChanges);
  const slugTouched = useRef(article !== null && !slugFollowsHeadline(article));
  // Fields stay disabled until the page is interactive, so nothing typed before hydration is lost.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const canEdit = hydrated && (state ? state.canEdit : true);

  const storyKey = () => articleId.current ?? NEW_STORY;
  // A field the server kept back is work it does not have: leaving asks, as for any unsaved change.
  const hasPendingWork = () => edits.current !== savedEdits.current || inFlight.current !== null || keptBack.current.length > 0;

  function record(next: Snapshot) {
    latest.current = next;
    edits.current++;
    setKeptHere(keepLocalCopy(storyKey(), next, versionRef.current));
    setSaveState((current) => (current === "clash" || current === "signed_out" ? current : "pending"));
  }
  const change = (patch: Partial<Fields>) => {
    const next = { ...latest.current.fields, ...patch };
    // Once readers have had the story, or it is scheduled (the scheduler may publish it while it is open here), its address stays put.
    const addressSettled = Boolean(state?.publishedAt) || state?.status === "SCHEDULED";
    if (patch.headline !== undefined && !slugTouched.current && !addressSettled) next.slug = slugify(patch.headline);
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
      ? await api<SaveAnswer>(`/articles/${id}`, { method: "PATCH", json: { version: versionRef.current, ...payload(latest.current) } })
      : await api<SaveAnswer>("/articles", { json: payload(latest.current) });
    if (!result.ok) return (refused(result.error), false);
    versionRef.current = result.data.version;
    keptBack.current = result.data.invalid ?? [];
    setFlags(Object.fromEntries(keptBack.current.map((entry) => [entry.field, entry.message])));
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
    if (edits.current !== editsAtStart) {
      keepLocalCopy(storyKey(), latest.current, versionRef.current);
      setSaveState("pending");
    } else if (keptBack.current.length > 0) {
      // The rest is saved; what was kept back stays on screen and on this device until a save takes it.
      setKeptHere(keepLocalCopy(storyKey(), latest.current, versionRef.current));
      whyNotSaved.current = `Not everything is saved: ${keptBack.current.map((entry) => entry.message).join(" ")}`;
      setSaveState("partly_saved");
    } else {
      dropLocalCopy(storyKey());
      setSaveState("saved");
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
          const saved = (await response.json()) as { id?: string; version: number; invalid?: KeptBack[] };
          articleId.current ??= saved.id ?? null;
          versionRef.current = saved.version;
          savedEdits.current = editsAtSend;
          // A field kept back stays on this device, under the story's own key once it has one.
          if (saved.invalid?.length && articleId.current) keepLocalCopy(articleId.current, latest.current, saved.version);
          if (!saved.invalid?.length || (!id && articleId.current)) dropLocalCopy(id ?? NEW_STORY);
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

  async function reloadArticle(id: string) {
    const fresh = await api<EditorArticle>(`/articles/${id}`);
    if (fresh.ok) {
      versionRef.current = fresh.data.version;
      liveWithoutChanges.current = fresh.data.liveVersion !== null && !fresh.data.hasUnpublishedChanges;
      setState(fresh.data);
    }
    return fresh;
  }

  /** A move; what it did (who was told) goes back to the panel, which says so. */
  async function move(step: Move): Promise<MoveDone | null> {
    if (!state) return null;
    setBusy(true);
    if (canEdit && !(await saveNow())) return (setBusy(false), null);
    // A move that hands the story on (to review, to readers) takes what the server has; a field it kept back is
    // on screen only, so the step would go ahead without it. Moves that take nothing on (unpublish, archive) stay free.
    if (keptBack.current.length > 0 && transitionOf(step.action).needs?.includes("headline")) {
      setBusy(false);
      setProblem(`Not done: ${keptBackSummary(keptBack.current)}. Fix what is flagged first, so the story that moves on is the one on screen.`);
      return null;
    }
    // Always the version on screen: only what the editor looked at is published.
    const result = await api<MoveDone>(`/articles/${state.id}/transitions`, { json: { ...step, version: versionRef.current } });
    setBusy(false);
    if (!result.ok) return (setProblem(result.error.message), null);
    setProblem(null);
    await reloadArticle(state.id);
    return result.data;
  }

  /** The last look's checks, on the version it shows: what is on screen is saved first. */
  async function lastLookChecks(): Promise<CheckResult[] | null> {
    if (!state || (canEdit && !(await saveNow()))) return null;
    const result = await api<{ checks: CheckResult[] }>(`/articles/${state.id}/checks`);
    return result.ok ? result.data.checks : null;
  }

  async function compare() {
    if (!state) return;
    const result = await api<EditorArticle>(`/articles/${state.id}`);
    if (result.ok) setTheirs(result.data);
  }

  async function uploadHero(file: File) {
    const result = await uploadImageFile(file);
    if (!result.ok) return setProblem(result.error.message);
    change({ hero: { mediaId: result.data.id, url: result.data.url, alt: "", caption: "", credit: "", width: result.data.width, height: result.data.height, framing: null } });
  }

  const input = "mt-1 w-full rounded border border-rule bg-white px-3 py-2 disabled:bg-[#f3f1ec]";
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-4">
        <StoryHeading headline={fields.headline} isNew={!state} byline={state?.author.name ?? null} />
        <div className="flex flex-wrap items-center gap-3">
          {state && <StatusBadge status={state.status} />}
          <span role="status" aria-live="polite" data-testid="save-state" className="text-sm text-muted">
            {saveLabel(saveState, savedAt, keptHere, Object.entries(flags).map(([field, message]) => ({ field, message })))}
          </span>
          {state && <Link href={`/newsroom/articles/${state.id}/history`} className="text-sm text-accent underline">History</Link>}
          {state && (
            <a href={`/preview/articles/${state.id}`} target="_blank" rel="noopener" className="text-sm text-accent underline">
              Preview<span className="sr-only"> (opens in a new tab)</span>
            </a>
          )}
          {/* A whole page load, not the app's navigation: reader pages run without the app (lib/reader/static-page.js). */}
          {state?.liveVersion != null && <a href={`/articles/${state.slug}`} className="text-sm text-accent underline">View on site</a>}
        </div>
        {/* The page's plan, not `state`'s: a plan saved in the Plan panel below refreshes the page, not this editor's copy. */}
        {article && state && <PlanSummary plan={article.plan} status={state.status} />}
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

        {/* A headline wraps and grows as it is typed: one line, never a box that scrolls past what it holds. */}
        <LimitedField
          label="Headline"
          kind="wrap"
          value={fields.headline}
          limit={FIELD_LIMITS.headline}
          problem={flags.headline}
          disabled={!canEdit}
          onChange={(headline) => change({ headline })}
          className="text-sm"
          labelClassName="block font-semibold"
          inputClassName={`${input} font-serif text-2xl font-bold`}
        />
        <LimitedField
          label="Standfirst"
          kind="lines"
          rows={2}
          value={fields.standfirst}
          limit={FIELD_LIMITS.standfirst}
          problem={flags.standfirst}
          disabled={!canEdit}
          onChange={(standfirst) => change({ standfirst })}
          className="text-sm"
          labelClassName="block font-semibold"
          inputClassName={`${input} font-serif`}
        />
        <div className="text-sm">
          <span className="font-semibold">Body</span>
          <div className="mt-1">
            {/* Not `canEdit`: the body is editable from the first paint, before hydration (body-editor.tsx). */}
            <BodyEditor key={bodyKey} content={body} editable={state ? state.canEdit : true} onChange={changeBody} problemId={flags.body ? "body-problem" : null} />
          </div>
          <p className="mt-1 text-xs text-muted" data-testid="length">{lengthLabel(countWords(body))}</p>
          {flags.body && <p id="body-problem" data-testid="body-problem" className="mt-1 text-xs text-accent">{flags.body}</p>}
        </div>
        {canEdit && <SaveButton status={state?.status ?? null} live={state?.liveVersion != null} disabled={saveState === "saving" || conflict !== null} onSave={() => void saveNow()} />}
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
              photoSlots: photoSlots(body),
              embargoUntil: state.embargoUntil,
            }}
            loadChecks={lastLookChecks}
            savedAt={savedAt}
            onMove={move}
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
        <div>
          <label className="block">
            <span className="font-semibold">Tags</span>
            <input
              value={fields.tags}
              disabled={!canEdit}
              placeholder="transport, city council"
              aria-invalid={flags.tags ? true : undefined}
              aria-describedby={flags.tags ? "tags-problem" : undefined}
              onChange={(e) => change({ tags: e.target.value })}
              className={input}
            />
          </label>
          {flags.tags && <p id="tags-problem" className="mt-1 text-xs text-accent">{flags.tags}</p>}
        </div>
        <LimitedField
          label="Slug"
          value={fields.slug}
          limit={FIELD_LIMITS.slug}
          problem={flags.slug}
          disabled={!canEdit}
          onChange={(slug) => {
            slugTouched.current = true;
            change({ slug });
          }}
          labelClassName="block font-semibold"
          inputClassName={`${input} font-mono text-xs`}
        />
        <fieldset className="space-y-2 rounded border border-rule p-3">
          <legend className="px-1 font-semibold">Hero image</legend>
          {fields.hero?.width && fields.hero.height ? (
            <HeroFraming
              url={fields.hero.url}
              photo={{ width: fields.hero.width, height: fields.hero.height }}
              framing={fields.hero.framing ?? null}
              disabled={!canEdit}
              onChange={(framing) => change({ hero: { ...fields.hero!, framing } })}
            />
          ) : fields.hero ? (
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
                <LimitedField
                  key={key}
                  label={{ alt: "Alt text", caption: "Caption", credit: "Credit" }[key]}
                  kind={key === "credit" ? "line" : "wrap"}
                  value={fields.hero![key]}
                  limit={FIELD_LIMITS[key]}
                  problem={flags[`hero.${key}`]}
                  disabled={!canEdit}
                  onChange={(text) => change({ hero: { ...fields.hero!, [key]: text } })}
                  labelClassName="block"
                  inputClassName={input}
                />
              ))}
              <PhotoRights mediaId={fields.hero.mediaId} editable={canEdit} />
              {canEdit && <button type="button" onClick={() => change({ hero: null })} className="text-xs text-accent underline">Remove image</button>}
            </>
          )}
        </fieldset>
        <SearchSocialFields
          seoTitle={fields.seoTitle ?? ""}
          description={fields.description ?? ""}
          socialImage={fields.socialImage ?? null}
          headline={fields.headline}
          standfirst={fields.standfirst}
          hero={fields.hero}
          flags={flags}
          disabled={!canEdit}
          onChange={change}
          onProblem={setProblem}
          inputClassName={input}
        />
        {state && <EmbargoAndLegal story={state} ready={hydrated} onChanged={() => reloadArticle(state.id)} />}
      </aside>
    </div>
  );
}
