import type { JSONContent } from "@tiptap/core";
import { figuresWithoutAlt, hasVisibleText } from "@/lib/content/document";
import { AppError } from "@/lib/errors";
import { writtenDay } from "@/lib/written-time";

/**
 * The newsroom's publishing checks: one row per rule, each set by an admin
 * to block, warn or be off. The last look, the API's publish and the
 * scheduler all read this table through `runChecks`; nothing else decides
 * whether a version may go out. Pure: no I/O.
 */
export const CHECK_LEVELS = ["block", "warn", "off"] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The version about to go out, and what the desk knows of it. */
export interface Candidate {
  version: number;
  headline: string;
  body: JSONContent;
  sectionId: string | null;
  heroImageId: string | null;
  heroAlt: string;
  description: string;
  needsLegalReview: boolean;
  legalClearedVersion: number | null;
  /** the photos it shows (hero, share image, body) that carry a rights expiry (lib/media/rights.ts); absent: none */
  photos?: PhotoRights[];
  /** the moment the checks are asked about (the photos' rights are judged at it); absent: now */
  checkedAt?: Date;
}

/** A photo a version shows, named as the desk knows it in that version, and when its rights lapse. */
export interface PhotoRights {
  mediaId: string;
  /** "the hero photo (“Crowds at the harbour”)" */
  name: string;
  /** the calendar day the rights expire on, "2027-01-31" */
  expiresOn: string;
  /** the start of that day in the newsroom's zone: from then on the photo may not go out again */
  lapsesAt: Date;
}

/** The photos whose rights have lapsed at `at` (the moment a lapse begins counts as lapsed). */
export const lapsedPhotos = (photos: readonly PhotoRights[] | undefined, at: Date) => (photos ?? []).filter((photo) => photo.lapsesAt.getTime() <= at.getTime());

export interface CheckSettings {
  levels: Record<CheckName, CheckLevel>;
  headlineMax: number;
}

interface Check {
  label: string;
  /** the level until an admin sets one: alt text blocked before these checks existed; the rest are the newsroom's to turn on */
  level: CheckLevel;
  /** what is wrong, in the words the desk sees; null when the version passes */
  problem(candidate: Candidate, settings: CheckSettings): string | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const CHECKS = {
  altText: {
    label: "Every photo has alt text or is marked decorative",
    level: "block",
    problem: (story) => {
      const missing = figuresWithoutAlt(story.body) + (story.heroImageId && !hasVisibleText(story.heroAlt) ? 1 : 0);
      return missing > 0 ? `${plural(missing, "photo has", "photos have")} no alt text and ${missing === 1 ? "is" : "are"} not marked decorative.` : null;
    },
  },
  section: {
    label: "A section is chosen",
    level: "off",
    problem: (story) => (story.sectionId ? null : "No section is chosen."),
  },
  headlineLength: {
    label: "The headline fits",
    level: "off",
    problem: (story, { headlineMax }) =>
      story.headline.length > headlineMax ? `The headline is ${story.headline.length} characters; the newsroom's limit is ${headlineMax}.` : null,
  },
  description: {
    label: "A search and social description is written",
    level: "off",
    problem: (story) => (story.description.trim() ? null : "There is no search and social description."),
  },
  headingOrder: {
    label: "Headings in the body are in order",
    level: "off",
    problem: (story) => headingOrderProblem(story.body),
  },
  linkText: {
    label: "Links say where they go",
    level: "off",
    problem: (story) => {
      const vague = vagueLinks(story.body);
      return vague.length > 0 ? `${plural(vague.length, "link says", "links say")} only ${[...new Set(vague)].map((text) => `"${text}"`).join(", ")}.` : null;
    },
  },
  legalReview: {
    label: "A story marked for legal review is cleared",
    level: "block",
    problem: (story) => {
      if (!story.needsLegalReview) return null;
      if (story.legalClearedVersion === null) return "It is marked \"needs legal review\" and nobody with that right has cleared it.";
      return story.legalClearedVersion === story.version ? null : `Legal cleared version ${story.legalClearedVersion}; this is version ${story.version}, changed since.`;
    },
  },
  photoRights: {
    label: "Photo rights",
    level: "block",
    // A lapsed photo already live stays on readers' pages until someone acts (editors were told a week before);
    // what this stops is any version showing it going out again.
    problem: (story) => {
      const lapsed = lapsedPhotos(story.photos, story.checkedAt ?? new Date());
      return lapsed.length > 0 ? lapsed.map((photo) => `The rights to ${photo.name} expired on ${writtenDay(photo.expiresOn)}: replace it or renew its rights.`).join(" ") : null;
    },
  },
} as const satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
export const isCheckName = (name: string): name is CheckName => Object.hasOwn(CHECKS, name);

export const DEFAULT_CHECK_LEVELS = Object.fromEntries(CHECK_NAMES.map((name) => [name, CHECKS[name].level])) as Record<CheckName, CheckLevel>;
export const DEFAULT_HEADLINE_MAX = 100;

export interface CheckResult {
  rule: CheckName;
  label: string;
  /** what the rule is set to */
  level: CheckLevel;
  /** pass, or the level a failing rule is set to; `off` when it was not run */
  outcome: "pass" | "warn" | "block" | "off";
  message: string | null;
}

export function runChecks(candidate: Candidate, settings: CheckSettings): CheckResult[] {
  return CHECK_NAMES.map((rule) => {
    const { label } = CHECKS[rule];
    const level = settings.levels[rule];
    if (level === "off") return { rule, label, level, outcome: "off", message: null };
    const message = (CHECKS[rule] as Check).problem(candidate, settings);
    return { rule, label, level, outcome: message === null ? "pass" : level, message };
  });
}

export const blocking = (results: CheckResult[]) => results.filter((result) => result.outcome === "block");

/** The rules that read only a body: a live entry is held to them as its words go out to readers. */
const BODY_RULES: readonly CheckName[] = ["altText", "headingOrder", "linkText", "photoRights"];

export function runBodyChecks(body: JSONContent, settings: CheckSettings, photos: PhotoRights[] = [], checkedAt = new Date()): CheckResult[] {
  const candidate: Candidate = { version: 0, headline: "", body, sectionId: null, heroImageId: null, heroAlt: "", description: "", needsLegalReview: false, legalClearedVersion: null, photos, checkedAt };
  return runChecks(candidate, settings).filter((result) => BODY_RULES.includes(result.rule));
}

/** The refusal of a publish (or a live entry) the checks block: a 400 naming each failed rule (the API's `details.checks`). */
export function blockedError(results: CheckResult[]): AppError | null {
  const blocked = blocking(results);
  if (blocked.length === 0) return null;
  return new AppError("VALIDATION", `The newsroom's publishing checks block this: ${blocked.map((check) => check.message).join(" ")}`, {
    checks: blocked.map(({ rule, label, message }) => ({ rule, label, message })),
  });
}

/** Headings after the page's own headline (h1) start at h2 and go down one level at a time. */
function headingOrderProblem(body: JSONContent): string | null {
  let previous = 1;
  for (const level of headingLevels(body)) {
    if (level > previous + 1) return `A level-${level} heading follows a level-${previous} one${previous === 1 ? " (the headline)" : ""}; use level ${previous + 1}.`;
    previous = level;
  }
  return null;
}

function headingLevels(node: JSONContent): number[] {
  if (node.type === "heading") return [Number(node.attrs?.level ?? 2)];
  return (node.content ?? []).flatMap(headingLevels);
}

const VAGUE_TEXT = new Set(["click here", "here", "click", "read more", "more", "this", "this link", "link", "learn more", "see more", "go", "continue", "this page", "this article"]);
const BARE_URL = /^(https?:\/\/|www\.)\S+$/i;

/** Link texts that tell a reader (or a screen reader's list of links) nothing: "click here", "read more", a bare address. */
export function vagueLinks(node: JSONContent): string[] {
  if (!node.content) return [];
  // A link's text may be split by other marks ("click *here*"): runs of text sharing one address are one link.
  const runs: { href: string; text: string }[] = [];
  const vague: string[] = [];
  let previousHref: string | undefined;
  for (const child of node.content) {
    const href = child.type === "text" ? (child.marks?.find((mark) => mark.type === "link")?.attrs?.href as string | undefined) : undefined;
    if (href !== undefined && href === previousHref) runs[runs.length - 1]!.text += child.text ?? "";
    else if (href !== undefined) runs.push({ href, text: child.text ?? "" });
    else vague.push(...vagueLinks(child));
    previousHref = href;
  }
  for (const run of runs) {
    const text = run.text.trim().replace(/\s+/g, " ");
    const words = text.toLowerCase().replace(/[.,:;!?…→»>]+$/u, "").trim();
    if (VAGUE_TEXT.has(words) || BARE_URL.test(text) || text === run.href) vague.push(text);
  }
  return vague;
}
