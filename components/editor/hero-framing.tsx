"use client";

import { useId, useRef, type KeyboardEvent, type PointerEvent } from "react";
import { CENTRE, CROP_RATIOS, cropOf, EDITOR_CROPS, type CropRatio, type Focus, type PhotoFraming, type Rect, type Size } from "@/lib/media/crops";

/** A keyboard step: 2 % of the photo, 10 % with Shift. */
const step = (event: KeyboardEvent) => (event.shiftKey ? 0.1 : 0.02);
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/**
 * The hero's focal point and crops (lib/media/crops.ts, the same functions
 * readers' pages use): click the photo where its subject is, or move the
 * point with the arrow keys; the crops cards, share cards and search
 * engines get are shown side by side, and each can be moved by hand (drag
 * it, or arrows) — "Reset" gives it back to the focal point.
 */
export function HeroFraming({ url, photo, framing, disabled, onChange }: { url: string; photo: Size; framing: PhotoFraming | null; disabled: boolean; onChange: (framing: PhotoFraming | null) => void }) {
  const focus = framing?.focus ?? CENTRE;
  const crops = framing?.crops ?? {};
  return (
    <div className="space-y-2">
      <FocalPoint url={url} focus={focus} disabled={disabled} onChange={(next) => onChange({ focus: next, crops })} />
      {framing && !disabled && (
        <button type="button" onClick={() => onChange(null)} className="text-xs text-accent underline">
          Centre the focal point again
        </button>
      )}
      <ul className="grid grid-cols-2 gap-2" aria-label="Crops">
        {EDITOR_CROPS.map((ratio) => (
          <li key={ratio}>
            <CropPreview
              ratio={ratio}
              url={url}
              photo={photo}
              crop={cropOf(photo, framing, ratio)}
              byHand={crops[ratio] !== undefined}
              disabled={disabled}
              onMove={(rect) => onChange({ focus, crops: { ...crops, [ratio]: rect } })}
              onReset={() => onChange({ focus, crops: Object.fromEntries(Object.entries(crops).filter(([name]) => name !== ratio)) })}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A photo to click where its subject is, with the point marked; the arrow
 * keys move it (Shift for bigger steps). The hero's framing and a body
 * photo's (which cards use when the story has no hero) are set with it.
 */
export function FocalPoint({ url, alt = "", focus, disabled, quietHint = false, onChange }: { url: string; alt?: string; focus: Focus; disabled: boolean; quietHint?: boolean; onChange: (focus: Focus) => void }) {
  const help = useId();
  const set = (next: Focus) => onChange({ x: clamp(next.x, 0, 1), y: clamp(next.y, 0, 1) });
  function pick(event: PointerEvent<HTMLButtonElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    set({ x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
  }
  function nudge(event: KeyboardEvent) {
    const arrow = ARROWS[event.key];
    if (!arrow) return;
    event.preventDefault();
    set({ x: focus.x + arrow[0] * step(event), y: focus.y + arrow[1] * step(event) });
  }
  return (
    <>
      {/* In a body photo the hint is for screen readers only: the photo keeps its place in the text. */}
      <p className={quietHint ? "sr-only" : "text-xs text-muted"} id={help}>
        Click where the subject is (or use the arrow keys): every crop keeps that point in.
      </p>
      <button
        type="button"
        disabled={disabled}
        onPointerDown={disabled ? undefined : pick}
        onKeyDown={nudge}
        aria-describedby={help}
        aria-label={`Focal point: ${percent(focus.x)} across, ${percent(focus.y)} down`}
        className="relative block w-full cursor-crosshair overflow-hidden rounded"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview of our own stored rendition */}
        <img src={url} alt={alt} className="block w-full" draggable={false} />
        <span
          aria-hidden="true"
          data-focal-point=""
          className="pointer-events-none absolute size-6 -translate-1/2 rounded-full border-2 border-white shadow-[0_0_0_2px_rgba(0,0,0,0.6)]"
          style={{ left: percent(focus.x), top: percent(focus.y) }}
        />
      </button>
    </>
  );
}

/** One crop, drawn as readers get it; drag or arrow keys move it within the photo (its size stays the largest that fits). */
function CropPreview({ ratio, url, photo, crop, byHand, disabled, onMove, onReset }: { ratio: CropRatio; url: string; photo: Size; crop: Rect; byHand: boolean; disabled: boolean; onMove: (rect: Rect) => void; onReset: () => void }) {
  const drag = useRef<{ x: number; y: number; crop: Rect; scale: number } | null>(null);
  const moveTo = (x: number, y: number) => onMove({ ...crop, x: Math.round(clamp(x, 0, photo.width - crop.width)), y: Math.round(clamp(y, 0, photo.height - crop.height)) });

  function start(event: PointerEvent<HTMLDivElement>) {
    if (disabled) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, crop, scale: crop.width / event.currentTarget.getBoundingClientRect().width };
  }
  function follow(event: PointerEvent<HTMLDivElement>) {
    const from = drag.current;
    if (!from) return;
    // Dragging the picture moves the crop the other way, as when sliding a print under a frame.
    moveTo(from.crop.x - (event.clientX - from.x) * from.scale, from.crop.y - (event.clientY - from.y) * from.scale);
  }
  function nudge(event: KeyboardEvent) {
    const arrow = ARROWS[event.key];
    if (!arrow || disabled) return;
    event.preventDefault();
    moveTo(crop.x + arrow[0] * step(event) * photo.width, crop.y + arrow[1] * step(event) * photo.height);
  }

  return (
    <figure className="text-xs">
      <div
        role="img"
        tabIndex={disabled ? -1 : 0}
        aria-label={`${ratio} crop, ${crop.width}×${crop.height} from ${crop.x},${crop.y}${byHand ? ", moved by hand" : ""}. Arrow keys move it.`}
        onPointerDown={start}
        onPointerMove={follow}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={nudge}
        data-crop={ratio}
        className="relative w-full touch-none overflow-hidden rounded bg-rule"
        style={{ aspectRatio: String(CROP_RATIOS[ratio]) }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- the crop drawn from the same preview */}
        <img
          src={url}
          alt=""
          draggable={false}
          className="pointer-events-none absolute max-w-none"
          style={{ width: `${(photo.width / crop.width) * 100}%`, left: `${(-crop.x / crop.width) * 100}%`, top: `${(-crop.y / crop.height) * 100}%` }}
        />
      </div>
      <figcaption className="mt-1 flex justify-between">
        <span>{ratio}</span>
        {byHand && !disabled && (
          <button type="button" onClick={onReset} className="text-accent underline">
            Reset
          </button>
        )}
      </figcaption>
    </figure>
  );
}
