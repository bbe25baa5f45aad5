import { env } from "@/lib/env";

export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * What a shared reader page shows as its picture (og:image, and twitter:image
 * through it): its own photo when it has one, else the newsroom's default —
 * public/share-default.png, 1200×630, made by scripts/make-public-assets.ts.
 * A relative URL: the (site) layout's metadataBase makes it absolute.
 */
export const shareImages = (own?: ShareImage | null): ShareImage[] =>
  own ? [own] : [{ url: "/share-default.png", width: 1200, height: 630, alt: env().NEWSROOM_NAME }];
