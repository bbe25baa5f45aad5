import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { fitHeadline, paragraph, photoSlot, STANDFIRST_MAX, type HeadlineRule, type IngestedDraft } from "./draft";
import { DomUtils, parseDocument } from "htmlparser2";
import { embargoOutcome, readEmbargoLine, type EmbargoContext } from "./embargo";
import { htmlToDocument } from "./html";

/** "… at the port on Monday (Photo: AP)": a caption line, its credit in parentheses at the end ("(Photo)" when nobody is named). */
const CAPTION = /^(.*\S)\s*\((?:Photo|Picture|Image|Pic)(?: credit)?(?:\s*:\s*([^()]+?))?\s*\)$/i;
const HEADLINE_LINE = /^headline\s*:\s*(.+)$/i;
const STANDFIRST_LINE = /^(?:standfirst|summary)\s*:\s*(.+)$/i;

/**
 * Lines that arrive with copy and are never part of the story: contact
 * lines, "more stories" links, share and follow prompts, newsletter
 * pitches, advertisement markers, comment forms.
 */
const BOILERPLATE = [
  /^contact (?:our|the) (?:news ?(?:team|desk|room)|newsroom|editors?)\b/i,
  /\bby emailing us\b/i,
  /^(?:for|find) more (?:stories|news|articles)\b/i,
  /^(?:share|tweet)(?: this)?(?: (?:article|story|on \w+))?\s*[:!.]?$/i,
  /^(?:click|tap) (?:here )?to share\b/i,
  /^share on (?:facebook|twitter|x|whatsapp|linkedin|email)\b/i,
  /^follow us on\b/i,
  /^(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?newsletter\b/i,
  /^[-–—[(\s]*(?:advertisement|anzeige|annons|annonse)[-–—\])\s]*$/i,
  // A page's share bar, one button a line.
  /^(?:facebook|twitter|x|pinterest|whatsapp|linkedin|reddit|telegram|email|e-mail|print|copy link|viber|tumblr)$/i,
  // A comment form, copied with the page.
  /^(?:please enter your (?:comment|name|email address)(?: here)?|you have entered an incorrect email address)!?$/i,
  /^save my name, email, and website in this browser\b/i,
  /^(?:leave a (?:reply|comment)|cancel reply)(?: cancel reply)?$/i,
];

/**
 * A page's links to the stories before and after this one. Scraped text
 * glues the label to the other story's headline ("Previous articleAmanda
 * Bynes …", "Next articleBirmingham shooting: …"), or keeps a space or a
 * colon between them; either way the line is navigation. Cased words, not
 * a case-blind match: "Previous articles have shown…" is a sentence.
 */
const NAVIGATION = /^[«‹←<\s]*(?:Previous|PREVIOUS|Next|NEXT|Related|RELATED|Older|Newer) (?:[Aa]rticle|ARTICLE|[Ss]tory|STORY|[Pp]ost|POST)(?:$|\s*[:|»›→>–—-]|(?=[\p{Lu}\p{N}"“‘«'])|\s+(?=[\p{Lu}"“‘«])(?!.*[.!?]["”’]?$))/u;

/**
 * Where a scraped page's story is over: what follows — other stories'
 * headlines, the comment form — is the page, not the story.
 */
const STORY_OVER = /^(?:related (?:articles|stories|posts|news)|more from (?:the )?author|you (?:may|might) also like|recommended (?:for you|stories)|most (?:popular|read)|read (?:more|next)|latest (?:news|stories))(?:\s+(?:more from (?:the )?author|related (?:articles|news)))?\s*:?$/i;

const isBoilerplate = (line: string) => NAVIGATION.test(line) || BOILERPLATE.some((pattern) => pattern.test(line));

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0", shy: "", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", bdquo: "„", sbquo: "‚", euro: "€", pound: "£", copy: "©", reg: "®", trade: "™", deg: "°",
};

/** Character references as the characters they stand for: text taken out of HTML somewhere upstream ("Council&nbsp;approves", "AT&amp;T"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Elements a body written in HTML (or NITF, or XHTML) is made of; a tag of one of them means the text is markup, not prose about "<" and ">". */
const MARKUP = /<\/?(?:p|br|div|span|section|article|main|header|footer|nav|aside|html|head|body|title|meta|h[1-6]|a|b|i|u|em|strong|small|sup|sub|ul|ol|li|dl|dt|dd|blockquote|q|figure|figcaption|img|picture|table|thead|tbody|tr|td|th|hr|pre|code|script|style|iframe|hl1|hl2|nitf|block|byline|hedline|body\.content|body\.head)(?:[\s/][^<>]*)?>|<\?xml\b|<!DOCTYPE\b|<!--/i;

/** Whether text is (or holds) markup: it is then converted, never kept as characters. */
export const looksLikeMarkup = (text: string) => MARKUP.test(text);

/** Letters and digits only, in lower case: markup that glues spans together ("FörsvarTT") loses spaces, not letters. */
export const lettersOf = (text: string) => decodeEntities(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** The same words, whatever the case, punctuation and spacing: a headline repeated by a page or an agency's markup. */
export const sameWords = (a: string, b: string) => {
  const left = lettersOf(a);
  return left.length > 0 && left === lettersOf(b);
};

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const BLOCKS = new Set(["p", "div", "section", "article", "header", "footer", "main", "figure", "figcaption", "blockquote", "ul", "ol", "li", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address"]);
const LEAF_BOXES = new Set(["div", "section", "header", "figcaption", "address", "dd", "dt", "td", "th"]);

/** Parts of a saved page that are never its story: menus, sidebars, forms, the page's and the story's footers (tags, share bars, next and previous links). */
const PAGE_FURNITURE = new Set(["nav", "aside", "form", "footer", "script", "style", "noscript", "template", "iframe", "svg", "button", "select"]);

/**
 * Markup sent as text (a saved page, HTML pasted from a browser's source)
 * as the plain text it shows, and the page's own headline (its `<h1>`).
 * A page's story is its `<article>` (the one with the most text, when
 * teasers are articles too) or `<main>`, less its furniture; what is left
 * goes through the same whitelist converter as agency bodies, each
 * paragraph, heading, list item and quote a block of its own, so no tag
 * ever reaches the story as characters.
 */
function markupAsText(html: string): { text: string; headline: string | null; dropped: string[] } {
  // The converter's caps first, on the stream: markup nested too deep is refused before a tree of it is built
  // (walking one tens of thousands deep would overflow the stack).
  htmlToDocument(html);
  const page = parseDocument(html);
  for (const element of DomUtils.findAll((node) => PAGE_FURNITURE.has(node.name), page.children)) DomUtils.removeElement(element);
  // A picture is a photo slot ("caption (Photo)"), not a paragraph of its caption; one without a caption is left out.
  for (const figure of DomUtils.getElementsByTagName("figure", page.children)) {
    const caption = DomUtils.findOne((node) => node.name === "figcaption", [figure]);
    const words = caption ? DomUtils.textContent(caption).replace(/\s+/g, " ").trim() : "";
    if (!words) {
      DomUtils.removeElement(figure);
      continue;
    }
    const line = parseDocument("<p></p>").children[0] as Element;
    const text = parseDocument("x").children[0]!;
    (text as unknown as { data: string }).data = `${words} (Photo)`;
    DomUtils.appendChild(line, text);
    DomUtils.replaceElement(figure, line);
  }
  // A page's boxes (the byline's, the share bar's buttons) are blocks of their own, not text run into the next box.
  for (const box of DomUtils.findAll((node) => LEAF_BOXES.has(node.name), page.children)) {
    if (!DomUtils.findOne((node) => BLOCKS.has(node.name), box.children)) box.name = "p";
  }
  const textLength = (element: Element) => DomUtils.textContent(element).replace(/\s+/g, " ").length;
  const articles = DomUtils.getElementsByTagName("article", page.children).sort((a, b) => textLength(b) - textLength(a));
  const story = articles[0] ?? DomUtils.findOne((node) => node.name === "main", page.children);
  const h1 = (story && DomUtils.findOne((node) => node.name === "h1", [story])) ?? DomUtils.findOne((node) => node.name === "h1", page.children);
  const headline = h1 ? DomUtils.textContent(h1).replace(/\s+/g, " ").trim() : "";
  const { document, dropped } = htmlToDocument(story ? DomUtils.getOuterHTML(story) : DomUtils.getOuterHTML(page));
  const blocks: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "paragraph" || node.type === "heading") {
      blocks.push((node.content ?? []).map((child) => (child.type === "hardBreak" ? "\n" : (child.text ?? ""))).join(""));
    } else node.content?.forEach(walk);
  };
  walk(document);
  return { text: blocks.join("\n\n"), headline: headline || null, dropped };
}

/** A sentence (it ends as one) or a caption: what a story is made of, unlike menus, tags and author boxes. */
const isProse = (block: string) => /[.!?…:;]["”’»)\]]*$/.test(block) || CAPTION.test(block);

/** "By Marta Quill - 14 March 2023": a byline line, with the date and counts a page puts after the name. */
const BYLINE_LINE = /^By\s+((?:[\p{Lu}][\p{L}'’.-]*)(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|and|&)){0,5})(?:\s*[-–—|•]\s*.*)?$/u;

/** A line that reads like a headline: short, one line, no final full stop, not a caption. */
function isHeadlineLike(block: string): boolean {
  if (block.includes("\n") || CAPTION.test(block)) return false;
  const words = block.split(" ").length;
  return words >= 3 && words <= 16 && block.length <= 120 && !/[.!?:;,…]["”’)]?$/.test(block) && !/^["“‘]/.test(block);
}

/** The first sentence of a paragraph, for a story that gives no headline at all. */
function firstSentence(text: string): string {
  const match = /^(.+?[.!?])["”’]?(?:\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/[.]$/, "");
}

/** An embargo line stands near the top: among the copy's first lines, above the story. */
const EMBARGO_LINES = 10;
/** A line that carries on a wrapped embargo line: the day or date, short ("EMBARGOED UNTIL 00:01 GMT" / "TUESDAY 8 DECEMBER 2026"). */
const EMBARGO_CONTINUES = /^(?:on\s+|at\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

/** Clean the text as it arrives from email and word processors: one kind of line end, no non-breaking or zero-width spaces, no tabs. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u202F\u2007]/g, " ")
    .replace(/[\u200B\u200C\u200D\u2060]/g, "")
    .replace(/[ \t]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n");
}

/**
 * Plain text as stringers and other desks send it, made into a draft:
 * paragraphs separated by blank lines (a line break inside one is a
 * wrapped line), caption lines ending in "(Photo: X)" as photo slots
 * wherever they stand, boilerplate dropped and listed, and a headline by
 * the first rule that finds one — a "Headline:" line, a headline-like line,
 * the first sentence. An "Embargoed until …" line near the top is the
 * draft's embargo, read in the context's zone (./embargo.ts), and not copy:
 * it leaves the body. One whose time cannot be read stays where it stood
 * (never taken for the headline or page furniture), and the notes say so.
 */
export function parsePlainText(input: string, context: EmbargoContext = { zone: "UTC", now: new Date() }): IngestedDraft {
  const blocks: string[] = [];
  const dropped: string[] = [];
  const notes: string[] = [];
  let embargoUntil: Date | null = null;
  let embargoSeen = false;
  let unreadEmbargo: string | null = null;
  let linesSeen = 0;
  let standfirst = "";
  let byline: string | null = null;
  let over = false;
  const markup = looksLikeMarkup(input) ? markupAsText(input) : null;
  if (markup) dropped.push(...markup.dropped);
  let headline: string | null = markup?.headline ?? null;
  let headlineFrom: HeadlineRule = headline === null ? "headline-line" : "page-heading";
  // Character references in plain text are markup too ("AT&amp;T"); the converter has already decoded a page's.
  for (const chunk of normaliseText(markup ? markup.text : decodeEntities(input)).split(/\n{2,}/)) {
    const lines = chunk.split("\n").filter(Boolean);
    let current: string[] = [];
    const flush = () => {
      const block = current.join(" ");
      const bylineLine = byline === null && !isProse(block) && block.split(" ").length <= 14 ? BYLINE_LINE.exec(block) : null;
      if (bylineLine) byline = bylineLine[1]!;
      else if (block) blocks.push(block);
      current = [];
    };
    for (let at = 0; at < lines.length; at += 1) {
      const line = lines[at]!;
      linesSeen += 1;
      if (!over && !embargoSeen && linesSeen <= EMBARGO_LINES) {
        const next = lines[at + 1];
        const wrapped = next !== undefined && next.split(" ").length <= 8 && EMBARGO_CONTINUES.test(next) ? readEmbargoLine(`${line} ${next}`, context) : null;
        const reading = wrapped?.ok ? wrapped : readEmbargoLine(line, context);
        if (reading) {
          embargoSeen = true;
          const stated = wrapped?.ok ? `${line} ${next}` : line;
          const outcome = embargoOutcome(stated, reading, context);
          embargoUntil = outcome.embargoUntil;
          notes.push(outcome.note);
          flush();
          if (reading.ok) {
            at += wrapped?.ok ? 1 : 0;
            linesSeen += wrapped?.ok ? 1 : 0;
          } else {
            unreadEmbargo = line;
            blocks.push(line);
          }
          continue;
        }
      }
      if (!over && STORY_OVER.test(line) && blocks.some((block) => block.split(" ").length >= 8)) {
        flush();
        over = true;
      }
      if (over) {
        dropped.push(line);
        continue;
      }
      const headlineLine = HEADLINE_LINE.exec(line);
      const standfirstLine = STANDFIRST_LINE.exec(line);
      if (headlineLine && headline === null) {
        flush();
        headline = headlineLine[1]!.trim();
      } else if (standfirstLine && !standfirst) {
        flush();
        standfirst = standfirstLine[1]!.trim();
      } else if (isBoilerplate(line)) {
        flush();
        dropped.push(line);
      } else if (CAPTION.test(line)) {
        // A caption stands on its own even without blank lines around it.
        flush();
        blocks.push(line);
      } else {
        // "By" on its own, or "By Name - date": a page's byline box starts here, whatever line came before it.
        if (/^By\b/.test(line) && (line === "By" || BYLINE_LINE.test(line))) flush();
        current.push(line);
      }
    }
    flush();
  }

  // An embargo line left in the body is kept like a sentence: not the page's furniture, not cut off the end.
  const stays = (block: string) => isProse(block) || block === unreadEmbargo;
  // Where the headline stands among the blocks, when it is one of them (a headline-like line, a page's <h1>).
  let headlineAt = -1;
  if (headline === null) {
    const lastText = blocks.findLastIndex((block) => !CAPTION.test(block));
    // A headline stands near the top: the first few headline-like lines are the candidates (a bound, too, on the work below).
    const candidates = blocks.map((block, index) => index).filter((index) => index < lastText && blocks[index] !== unreadEmbargo && isHeadlineLike(blocks[index]!)).slice(0, 20);
    // A page repeats its headline (breadcrumb, related stories, share text): the line that comes again is the headline, not a menu above it.
    const elsewhere = [...blocks, ...dropped].map((other) => (isProse(other) ? "" : lettersOf(other)));
    const repeated = (index: number) => elsewhere.some((other, at) => at !== index && other.includes(lettersOf(blocks[index]!)));
    const candidate = candidates.find(repeated) ?? candidates[0];
    if (candidate !== undefined) {
      headline = blocks.splice(candidate, 1)[0]!;
      headlineFrom = "candidate-line";
      headlineAt = candidate;
    }
  } else if (headlineFrom === "page-heading") {
    const title = headline;
    headlineAt = blocks.findIndex((block) => sameWords(block, title));
    if (headlineAt >= 0) dropped.push(...blocks.splice(headlineAt, 1));
  }
  if (headlineAt >= 0) {
    // Above the headline of a page: its menus, breadcrumb and section label. Sentences and captions there are kept.
    const above = blocks.slice(0, headlineAt);
    dropped.push(...above.filter((block) => !stays(block)));
    blocks.splice(0, headlineAt, ...above.filter(stays));
    // Between the headline and the first sentence: the page's byline box, date, view count, share buttons.
    // A longer line there is a deck and stays.
    const start = above.filter(stays).length;
    let end = start;
    while (end < blocks.length && !stays(blocks[end]!)) end += 1;
    const meta = blocks.slice(start, end);
    const bylineBox = byline === null ? BYLINE_LINE.exec(meta.filter((block) => block.split(" ").length < 6).join(" ")) : null;
    if (bylineBox) byline = bylineBox[1]!;
    dropped.push(...meta.filter((block) => block.split(" ").length < 6));
    blocks.splice(start, meta.length, ...meta.filter((block) => block.split(" ").length >= 6));
  }
  if (headline !== null) {
    // The headline again among the lines (a page's breadcrumb or trailing title) is not a paragraph of the story.
    const title = headline;
    dropped.push(...blocks.filter((block) => sameWords(block, title)));
    blocks.splice(0, blocks.length, ...blocks.filter((block) => !sameWords(block, title)));
  }
  // Below the story's last sentence: a page's tags, author box and links — lines that are not sentences. One block at least is kept.
  while (blocks.length > 1 && !stays(blocks.at(-1)!)) dropped.push(blocks.pop()!);
  const content: JSONContent[] = blocks.map((block) => {
    const caption = CAPTION.exec(block);
    return caption ? photoSlot(caption[1]!.trim(), caption[2]?.trim() ?? "") : paragraph(block);
  });
  const paragraphs = content.filter((node) => node.type === "paragraph").map((node) => node.content![0]!.text!);
  const firstParagraph = paragraphs[0];
  if (headline === null) {
    if (!firstParagraph) throw new AppError("VALIDATION", "The text holds no story: nothing is left but captions and boilerplate.", { field: "body" });
    // A quote that opens the story is someone's words, not the story's summary.
    headline = firstSentence(paragraphs.find((text) => !/^["“‘]/.test(text) && text !== unreadEmbargo) ?? firstParagraph);
    headlineFrom = "first-sentence";
  }
  if (!firstParagraph && content.length === 0) throw new AppError("VALIDATION", "The text holds no story: only a headline.", { field: "body" });
  return { headline: fitHeadline(headline), headlineFrom, standfirst: standfirst.slice(0, STANDFIRST_MAX), body: { type: "doc", content }, tags: [], byline, sourceId: null, dropped, embargoUntil, notes };
}
