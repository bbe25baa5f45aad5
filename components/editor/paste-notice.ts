import { normalizeHref } from "@/lib/content/links";

/**
 * What a paste could not bring into the body, and the one notice that says
 * so. A body holds only photos uploaded to us (lib/content/figure.ts), so a
 * pasted image is never fetched — not by the browser, not by the server — it
 * is left out and named, and the person uploads it with the Image button.
 * Links are brought to the link rule's form; the ones that cannot be links
 * lose their link and keep their text.
 */
export type PasteLosses = {
  droppedLinks: string[];
  /** One entry per image left out: its name, or "" when it has none. */
  images: string[];
};

const NAME_LENGTH = 80;
const shorten = (text: string) => (text.length > NAME_LENGTH ? `${text.slice(0, NAME_LENGTH - 1)}…` : text);

/** The file name at the end of an image address, or null (data:, blob:, no name, not an address). */
function fileNameOf(src: string): string | null {
  if (/^(data|blob):/i.test(src.trim())) return null;
  let path: string;
  try {
    path = new URL(src.trim(), "https://pasted.invalid/").pathname;
  } catch {
    return null;
  }
  const last = path.split("/").filter(Boolean).pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** How a left-out image is named: its alt text, else its file name, else null ("an image"). */
export function imageName(alt: string | null | undefined, src: string | null | undefined): string | null {
  const text = (alt ?? "").replace(/\s+/g, " ").trim() || fileNameOf(src ?? "");
  return text ? shorten(text) : null;
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * The notice after a paste, or null when nothing was lost. Images are named
 * in quotes when they have a name; one without is "an image".
 */
export function pasteNotice({ droppedLinks, images }: PasteLosses): string | null {
  const parts: string[] = [];
  if (images.length === 1) {
    parts.push(`${images[0] ? `The pasted image "${images[0]}"` : "A pasted image"} was left out: upload it with Image.`);
  } else if (images.length > 1) {
    parts.push(`${images.length} pasted images were left out: ${listed(images.map((name) => (name ? `"${name}"` : "an image")))}. Upload each with Image.`);
  }
  if (droppedLinks.length > 0) parts.push(`Pasted links that cannot be links were dropped; their text stays: ${droppedLinks.join(", ")}`);
  return parts.length > 0 ? parts.join(" ") : null;
}

/**
 * Pasted HTML with every link brought to the link rule's form (`www.` gets
 * https://; in-page anchors, //host and other schemes are unwrapped, their
 * text kept) and every image taken out and named. The HTML is parsed in an
 * inert document (DOMParser loads nothing). The editor's own photos
 * (figure[data-figure], copied within a body) are left to the photo node.
 */
export function cleanPastedHtml(html: string): { html: string } & PasteLosses {
  const document = new DOMParser().parseFromString(html, "text/html");
  const droppedLinks: string[] = [];
  for (const anchor of Array.from(document.querySelectorAll("a[href]"))) {
    const verdict = normalizeHref(anchor.getAttribute("href") ?? "");
    if (verdict.ok) {
      anchor.setAttribute("href", verdict.href);
    } else {
      droppedLinks.push(anchor.getAttribute("href") ?? "");
      anchor.replaceWith(...Array.from(anchor.childNodes));
    }
  }
  const images: string[] = [];
  for (const image of Array.from(document.querySelectorAll("img"))) {
    if (image.closest("figure[data-figure]")) continue;
    images.push(imageName(image.getAttribute("alt"), image.getAttribute("src")) ?? "");
    (image.closest("picture") ?? image).remove();
  }
  return { html: document.body.innerHTML, droppedLinks, images };
}

/**
 * The image files on a clipboard that holds nothing else to paste (a
 * screenshot, "Copy image" from a file manager). When the clipboard also holds
 * HTML or text, the files are another form of the same copy and the HTML
 * decides what is pasted.
 */
export function pastedImageFiles(data: DataTransfer | null): File[] {
  if (!data || data.getData("text/html") || data.getData("text/plain")) return [];
  return Array.from(data.files).filter((file) => file.type.startsWith("image/"));
}

/**
 * The body's paste listener for image files alone: nothing is pasted (the
 * browser would otherwise put the image in the page itself), the files are
 * named in the notice, and the first is offered for upload through the Image
 * form. Says false for any other paste, which the editor then handles.
 */
export function takeImagePaste(event: ClipboardEvent, tell: (notice: string) => void, offer: (file: File | null) => void): boolean {
  const files = pastedImageFiles(event.clipboardData);
  offer(files[0] ?? null);
  if (files.length === 0) return false;
  event.preventDefault();
  tell(pasteNotice({ droppedLinks: [], images: files.map((file) => imageName(file.name, null) ?? "") })!);
  return true;
}
