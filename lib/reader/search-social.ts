import { appUrl } from "@/lib/env";
import { frameUrl, type PlacedPhoto, SHARE_SIZE, shareImageOf } from "@/lib/media/renditions";
import type { ReaderArticle } from "@/lib/reader/article";
import type { ShareImage } from "@/lib/reader/share-image";

export interface SearchAndSocial {
  /** `<title>`, og:title, twitter:title, JSON-LD headline */
  title: string;
  /** meta description, og:description, twitter:description, JSON-LD description */
  description: string;
  /** og:image, twitter:image: the 1200×630 share image, absolute; null when the story has no picture (the layout's default stands in) */
  image: ShareImage | null;
  /** JSON-LD image: the 16:9, 4:3 and 1:1 crops Google News asks for, absolute; empty without a picture */
  crops: string[];
}

/**
 * What search engines and sharing cards get for a story, with the
 * fallbacks a desk expects: the SEO title, else the headline; the
 * description, else the standfirst; the share image, else the hero, else
 * the body's first photo. One function for the meta tags and the JSON-LD,
 * so they never disagree. The article is the live revision's
 * (lib/reader/article.ts): a change to these fields reaches readers only
 * when it is published, like a headline edit.
 */
export function searchAndSocial(article: ReaderArticle): SearchAndSocial {
  const title = article.seoTitle || article.headline;
  // A chosen share image has no alt text of its own: the story's title describes what the card is about.
  const picture: { photo: PlacedPhoto; alt: string } | null = article.socialImage
    ? { photo: article.socialImage, alt: title }
    : article.cardImage && { photo: article.cardImage, alt: article.cardImage.alt || title };
  return {
    title,
    description: article.description || article.standfirst,
    image: picture && { url: `${appUrl()}${shareImageOf(picture.photo)}`, ...SHARE_SIZE, alt: picture.alt },
    crops: picture ? (["16:9", "4:3", "1:1"] as const).map((frame) => `${appUrl()}${frameUrl(picture.photo, frame).url}`) : [],
  };
}
