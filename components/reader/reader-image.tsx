import type { ReaderImage } from "@/lib/reader/read";

/** Pre-generated WebP widths through srcset, with width and height so nothing jumps while loading. */
export function ReaderImageTag({ image, sizes, className, priority = false }: { image: ReaderImage; sizes: string; className?: string; priority?: boolean }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- variants are produced once at upload; no per-request resizing
    <img
      src={image.src}
      srcSet={image.srcSet}
      sizes={sizes}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : "auto"}
      className={className}
    />
  );
}
