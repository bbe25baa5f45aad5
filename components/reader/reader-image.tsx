import type { CropRatio } from "@/lib/media/crops";
import { pictureOf, type PlacedPhoto } from "@/lib/media/renditions";

/**
 * A photo for readers: AVIF, else WebP, at the ladder's widths through srcset
 * and `sizes` (the place it fills), cropped to `frame` around the desk's
 * focal point; width and height so nothing shifts while it loads; lazy unless
 * it is the page's largest paint, which alone asks for high priority.
 */
export function ReaderImageTag({
  image,
  alt,
  frame = "full",
  sizes,
  className,
  priority = false,
  query = "",
}: {
  image: PlacedPhoto;
  alt: string;
  frame?: CropRatio | "full";
  sizes: string;
  className?: string;
  priority?: boolean;
  query?: string;
}) {
  const picture = pictureOf(image, frame, query);
  // A plain <img> inside <picture>, not next/image: renditions are made once and kept (lib/media/make-rendition.ts).
  return (
    <picture>
      <source type="image/avif" srcSet={picture.avifSrcSet} sizes={sizes} />
      <img
        src={picture.src}
        srcSet={picture.webpSrcSet}
        sizes={sizes}
        alt={alt}
        width={picture.width}
        height={picture.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        className={className}
      />
    </picture>
  );
}
