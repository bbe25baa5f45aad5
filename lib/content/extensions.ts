import StarterKit from "@tiptap/starter-kit";
import { Figure } from "./figure";

/**
 * The one list of editor extensions. The editor, the save-time check and the
 * server renderer all use it, so what can be typed is exactly what can be
 * stored and rendered.
 */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

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
      // Links leave in the same tab, without handing the page to where they lead.
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  Figure,
];
