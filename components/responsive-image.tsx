import { imageUrl } from "@/lib/media";

interface Props {
  image: { storageKey: string; widths: number[]; altText: string; width: number; height: number };
  sizes: string;
  className?: string;
  priority?: boolean;
}

/**
 * Serves the stored WebP variants through srcset. Not next/image: the widths
 * are already produced once at upload, so no resizing happens on a reader's request.
 */
export function ResponsiveImage({ image, sizes, className, priority = false }: Props) {
  const widths = [...image.widths].sort((a, b) => a - b);
  const largest = widths.at(-1) ?? image.width;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- variants are pre-generated; see above
    <img
      src={imageUrl(image.storageKey, largest)}
      srcSet={widths.map((width) => `${imageUrl(image.storageKey, width)} ${width}w`).join(", ")}
      sizes={sizes}
      alt={image.altText}
      width={image.width}
      height={image.height}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : "auto"}
      className={className}
    />
  );
}
