import { appUrl } from "@/lib/env";
import type { ReaderArticle } from "@/lib/reader/article";
import type { ShareImage } from "@/lib/reader/share-image";

export interface SearchAndSocial {
  /** `<title>`, og:title, twitter:title, JSON-LD headline */
  title: string;
  /** meta description, og:description, twitter:description, JSON-LD description */
  description: string;
  /** og:image, twitter:image, JSON-LD image: absolute; null when the story has no picture (the layout's default stands in) */
  image: ShareImage | null;
}

/**
 * What search engines and sharing cards get for a story, with the
 * fallbacks a desk expects: the SEO title, else the headline; the
 * description, else the standfirst; the share image, else the hero. One
 * function for the meta tags and the JSON-LD, so they never disagree. The
 * article is the live revision's (lib/reader/article.ts): a change to these
 * fields reaches readers only when it is published, like a headline edit.
 */
export function searchAndSocial(article: ReaderArticle): SearchAndSocial {
  const own = article.socialImage;
  const hero = article.image;
  return {
    title: article.seoTitle || article.headline,
    description: article.description || article.standfirst,
    image: own
      ? // A share image has no alt text of its own: the story's title describes what the card is about.
        { url: `${appUrl()}${own.src}`, width: own.width, height: own.height, alt: article.seoTitle || article.headline }
      : hero
        ? { url: `${appUrl()}${hero.src}`, width: hero.width, height: hero.height, alt: hero.alt }
        : null,
  };
}
