"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRef, useState, useSyncExternalStore } from "react";
import { StatusBadge } from "@/components/status-badge";
import type { EditorArticle } from "@/lib/articles";
import { photoSlots } from "@/lib/content/document";
import type { CheckResult } from "@/lib/publishing/checks";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { countWords, lengthLabel } from "@/lib/content/word-count";
import { slugFollowsHeadline, slugify } from "@/lib/slug";
import { transitionOf } from "@/lib/workflow";
import { api } from "./api";
import { BodyEditor } from "./body-editor";
import { CorrectionForm } from "./correction-form";
import { EmbargoAndLegal } from "./embargo-legal";
import { HeroFields } from "./hero-fields";
import { LimitedField } from "./limited-field";
import { PlanSummary } from "./plan-summary";
import { PreviewLinks } from "./preview-links";
import { SaveButton } from "./save-button";
import { ClashNotice, LocalCopyOffer, SignInAgain } from "./save-notices";
import { keptBackSummary, saveLabel, type Fields, type Snapshot } from "./save-queue";
import { SearchSocialFields } from "./search-social-fields";
import { StoryHeading } from "./story-heading";
import { useAutosave, type SaveAnswer } from "./use-autosave";
import { usePresence } from "./use-presence";
import { WorkflowPanel, type Move, type MoveDone } from "./workflow-panel";

const subscribeToNothing = () => () => {};
const EMPTY_BODY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function fieldsOf(article: EditorArticle | null): Fields {
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
const snapshotOf = (article: EditorArticle | null): Snapshot => ({ fields: fieldsOf(article), body: (article?.body as JSONContent | undefined) ?? EMPTY_BODY });

export function ArticleEditor({ article, sections }: { article: EditorArticle | null; sections: { id: string; name: string }[] }) {
  const [state, setState] = useState(article);
  const [opened] = useState(() => snapshotOf(article));
  const [fields, setFields] = useState(opened.fields);
  const [body, setBody] = useState(opened.body);
  // Restoring a local copy, or a move that resets the working copy, replaces the body wholesale: a new key gives the body editor the new document.
  const [bodyKey, setBodyKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const others = usePresence(state?.id ?? null);
  const [busy, setBusy] = useState(false);
  const liveWithoutChanges = useRef(article !== null && article.liveVersion !== null && !article.hasUnpublishedChanges);
  const slugTouched = useRef(article !== null && !slugFollowsHeadline(article));
  // Fields stay disabled until the page is interactive, so nothing typed before hydration is lost.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const canEdit = hydrated && (state ? state.canEdit : true);

  const autosave = useAutosave({
    story: article,
    opened,
    canEdit,
    // A new story, or the first unpublished change of a live one, changes what may be done with it.
    onSaved: (saved: SaveAnswer, created: boolean) => (created || liveWithoutChanges.current ? reloadArticle(saved.id) : setState((current) => current && { ...current, version: saved.version, slug: saved.slug })),
    onProblem: setProblem,
  });
  const { queue } = autosave;
  /** Why the last save kept a field back, by field ("headline", "hero.alt"…): shown under the field. */
  const flags = Object.fromEntries(queue.keptBack.map((entry) => [entry.field, entry.message]));

  function show(next: Snapshot) {
    setFields(next.fields);
    setBody(next.body);
    setBodyKey((key) => key + 1);
  }
  const change = (patch: Partial<Fields>) => {
    const next = { ...autosave.latest().fields, ...patch };
    // Once readers have had the story, or it is scheduled (the scheduler may publish it while it is open here), its address stays put.
    const addressSettled = Boolean(state?.publishedAt) || state?.status === "SCHEDULED";
    if (patch.headline !== undefined && !slugTouched.current && !addressSettled) next.slug = slugify(patch.headline);
    setFields(next);
    autosave.record({ ...autosave.latest(), fields: next });
  };
  const changeBody = (doc: JSONContent) => {
    setBody(doc);
    autosave.record({ ...autosave.latest(), body: doc });
  };

  /**
   * The story as the server has it now: what may be done with it, its state. Its words and version only after a move
   * that put the live version back in the working copy ("Discard changes"); otherwise the version stays the one this
   * editor saved, so that a save someone else made meanwhile is a clash it is told of, never overwritten unseen.
   */
  function take(fresh: EditorArticle, { resetWorkingCopy = false } = {}) {
    if (resetWorkingCopy) {
      const snapshot = snapshotOf(fresh);
      if (autosave.replaced({ version: fresh.version, snapshot })) show(snapshot);
      else setProblem("What you typed while the changes were being discarded is kept on screen; it is saved as unpublished changes again.");
    }
    liveWithoutChanges.current = fresh.liveVersion !== null && !fresh.hasUnpublishedChanges;
    setState(fresh);
  }
  async function reloadArticle(id: string, options: { resetWorkingCopy?: boolean } = {}) {
    const fresh = await api<EditorArticle>(`/articles/${id}`);
    if (fresh.ok) take(fresh.data, options);
    return fresh;
  }

  /** A move; what it did (who was told) goes back to the panel, which says so. */
  async function move(step: Move): Promise<MoveDone | null> {
    if (!state) return null;
    setBusy(true);
    if (canEdit && !(await autosave.saveNow())) return (setBusy(false), null);
    // A move that hands the story on (to review, to readers) takes what the server has; a field it kept back is
    // on screen only, so the step would go ahead without it. Moves that take nothing on (unpublish, archive) stay free.
    const { keptBack } = autosave.current();
    if (keptBack.length > 0 && transitionOf(step.action).needs?.includes("headline")) {
      setBusy(false);
      setProblem(`Not done: ${keptBackSummary(keptBack)}. Fix what is flagged first, so the story that moves on is the one on screen.`);
      return null;
    }
    // Always the version on screen: only what the editor looked at is published.
    const result = await api<MoveDone & { article: EditorArticle | null }>(`/articles/${state.id}/transitions?view=editor`, { json: { ...step, version: autosave.version() } });
    setBusy(false);
    if (!result.ok) return (setProblem(result.error.message), null);
    setProblem(null);
    const resetWorkingCopy = transitionOf(step.action).workingCopy === "reset";
    if (result.data.article) take(result.data.article, { resetWorkingCopy });
    else await reloadArticle(state.id, { resetWorkingCopy });
    return result.data;
  }

  /** The last look's checks, on the version it shows: what is on screen is saved first. */
  async function lastLookChecks(): Promise<CheckResult[] | null> {
    if (!state || (canEdit && !(await autosave.saveNow()))) return null;
    const result = await api<{ checks: CheckResult[] }>(`/articles/${state.id}/checks`);
    return result.ok ? result.data.checks : null;
  }

  function restoreLocalCopy() {
    const restored = autosave.restoreOffer();
    if (restored) show(restored);
  }

  const input = "mt-1 w-full rounded border border-rule bg-white px-3 py-2 disabled:bg-[#f3f1ec]";
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-4">
        <StoryHeading headline={fields.headline} isNew={!state} byline={state?.author.name ?? null} />
        <div className="flex flex-wrap items-center gap-3">
          {state && <StatusBadge status={state.status} />}
          <span role="status" aria-live="polite" data-testid="save-state" className="text-sm text-muted">
            {saveLabel(queue, autosave.keptHere)}
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

        {autosave.offer && (
          <LocalCopyOffer offer={autosave.offer} onScreen={autosave.latest()} version={state?.version ?? null} onRestore={restoreLocalCopy} onDiscard={autosave.discardOffer} />
        )}
        {queue.state === "signed_out" && <SignInAgain onSignedIn={autosave.signedInAgain} />}
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
        {queue.conflict && state && <ClashNotice storyId={state.id} conflict={queue.conflict} mine={{ fields, body }} onReload={autosave.takeTheirs} onKeepMine={autosave.keepMine} />}
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
        {canEdit && <SaveButton status={state?.status ?? null} live={state?.liveVersion != null} disabled={queue.state === "saving" || queue.conflict !== null} onSave={() => void autosave.saveNow()} />}
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
            savedAt={queue.savedAt}
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
        <HeroFields hero={fields.hero} flags={flags} editable={canEdit} inputClassName={input} onChange={(hero) => change({ hero })} onProblem={setProblem} />
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
