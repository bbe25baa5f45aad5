"use client";

import { FIELD_LIMITS } from "@/lib/content/limits";
import { HeroFraming } from "./hero-framing";
import { LimitedField } from "./limited-field";
import { PhotoRights } from "./photo-rights";
import type { Hero } from "./save-queue";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";

const LABELS = { alt: "Alt text", caption: "Caption", credit: "Credit" } as const;

/** The hero image: upload, framing, its words and its rights; a change goes to the editor's save like any other. */
export function HeroFields({ hero, flags, editable, inputClassName, onChange, onProblem }: {
  hero: Hero | null;
  /** why the last save kept a field back, by field ("hero.alt"…) */
  flags: Record<string, string>;
  editable: boolean;
  inputClassName: string;
  onChange: (hero: Hero | null) => void;
  onProblem: (message: string) => void;
}) {
  async function upload(file: File) {
    const result = await uploadImageFile(file);
    if (!result.ok) return onProblem(result.error.message);
    onChange({ mediaId: result.data.id, url: result.data.url, alt: "", caption: "", credit: "", width: result.data.width, height: result.data.height, framing: null });
  }
  return (
    <fieldset className="space-y-2 rounded border border-rule p-3">
      <legend className="px-1 font-semibold">Hero image</legend>
      {hero?.width && hero.height ? (
        <HeroFraming url={hero.url} photo={{ width: hero.width, height: hero.height }} framing={hero.framing ?? null} disabled={!editable} onChange={(framing) => onChange({ ...hero, framing })} />
      ) : hero ? (
        // eslint-disable-next-line @next/next/no-img-element -- a preview of our own stored variant
        <img src={hero.url} alt={hero.alt} className="w-full rounded" />
      ) : null}
      {editable && (
        <label className="block">
          <span>Upload image</span>
          <input type="file" accept="image/*" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} className="mt-1 block w-full text-xs" />
          <span className="mt-1 block text-xs text-muted">{UPLOAD_HINT}</span>
        </label>
      )}
      {hero && (
        <>
          {(["alt", "caption", "credit"] as const).map((key) => (
            <LimitedField
              key={key}
              label={LABELS[key]}
              kind={key === "credit" ? "line" : "wrap"}
              value={hero[key]}
              limit={FIELD_LIMITS[key]}
              problem={flags[`hero.${key}`]}
              disabled={!editable}
              onChange={(text) => onChange({ ...hero, [key]: text })}
              labelClassName="block"
              inputClassName={inputClassName}
            />
          ))}
          <PhotoRights mediaId={hero.mediaId} editable={editable} />
          {editable && <button type="button" onClick={() => onChange(null)} className="text-xs text-accent underline">Remove image</button>}
        </>
      )}
    </fieldset>
  );
}
