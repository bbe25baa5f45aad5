import StarterKit from "@tiptap/starter-kit";
import { Figure } from "./figure";
import { normalizeHref } from "./links";
import { tableExtensions } from "./table";

/**
 * The one list of editor extensions. The editor, the save-time check and the
 * server renderer all use it, so what can be typed is exactly what can be
 * stored and rendered.
 */
export const LINK_PROTOCOLS = ["http", "https", "mailto", "tel"] as const;

export const HEADING_LEVELS = [2, 3] as const;

export const articleExtensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      protocols: [...LINK_PROTOCOLS],
      autolink: true,
      openOnClick: false,
      // Only what the link rule allows becomes a link when HTML comes in; the rest stays text.
      isAllowedUri: (url: string) => normalizeHref(url).ok,
      // Links leave in the same tab, without handing the page to where they lead.
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  Figure,
  ...tableExtensions,
];
