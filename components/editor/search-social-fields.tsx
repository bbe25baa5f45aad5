"use client";

import { useState } from "react";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";
import { LimitedField } from "./limited-field";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";

export interface SocialImageChoice {
  mediaId: string;
  url: string;
}

export interface SearchSocialValues {
  seoTitle: string;
  description: string;
  socialImage: SocialImageChoice | null;
}

/** An upload as GET /api/v1/newsroom/media lists it. */
interface Upload {
  id: string;
  url: string;
  width: number;
  height: number;
  createdAt: string;
}

interface Props extends SearchSocialValues {
  /** what stands in for an empty field: readers' pages fall back to these (lib/reader/search-social.ts) */
  headline: string;
  standfirst: string;
  hero: SocialImageChoice | null;
  /** why the last save kept a field back, by field name (seoTitle, description, socialImage) */
  flags: Record<string, string | undefined>;
  disabled: boolean;
  onChange: (patch: Partial<SearchSocialValues>) => void;
  onProblem: (message: string) => void;
  inputClassName: string;
}

/**
 * The story's search and social fields: the title and description search
 * engines and sharing cards show, and the picture a shared link carries.
 * Each is optional — empty means the headline, the standfirst, the hero —
 * and the preview line says which one readers' pages will use, so nobody
 * has to guess what a blank field does. Saved with the story like any field
 * (they are content: an edit reaches readers when it is published).
 */
export function SearchSocialFields({ seoTitle, description, socialImage, headline, standfirst, hero, flags, disabled, onChange, onProblem, inputClassName }: Props) {
  /** The newest uploads, once asked for: a photo already in the body (or another story) need not be uploaded again. */
  const [uploads, setUploads] = useState<Upload[] | null>(null);

  async function upload(file: File) {
    const result = await uploadImageFile(file);
    if (!result.ok) return onProblem(result.error.message);
    onChange({ socialImage: { mediaId: result.data.id, url: result.data.url } });
  }
  async function showUploads() {
    const result = await api<{ media: Upload[] }>("/media?limit=12");
    if (!result.ok) return onProblem(result.error.message);
    setUploads(result.data.media);
  }
  function choose(choice: Upload) {
    onChange({ socialImage: { mediaId: choice.id, url: choice.url } });
    setUploads(null);
  }

  const title = seoTitle.trim() || headline.trim();
  const text = description.trim() || standfirst.trim();
  const image = socialImage ?? hero;
  return (
    <fieldset className="space-y-2 rounded border border-rule p-3" data-testid="search-social">
      <legend className="px-1 font-semibold">Search &amp; social</legend>
      <LimitedField
        label="SEO title"
        kind="wrap"
        value={seoTitle}
        limit={FIELD_LIMITS.seoTitle}
        problem={flags.seoTitle}
        disabled={disabled}
        placeholder="Empty: the headline"
        onChange={(next) => onChange({ seoTitle: next })}
        labelClassName="block"
        inputClassName={inputClassName}
      />
      <LimitedField
        label="Description"
        kind="lines"
        rows={2}
        value={description}
        limit={FIELD_LIMITS.description}
        problem={flags.description}
        disabled={disabled}
        placeholder="Empty: the standfirst"
        onChange={(next) => onChange({ description: next })}
        labelClassName="block"
        inputClassName={inputClassName}
      />
      <div className="space-y-1">
        <span className="block">Social image</span>
        {socialImage && (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of our own stored variant
          <img src={socialImage.url} alt="The chosen social image" className="w-full rounded" />
        )}
        {!disabled && (
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {hero && socialImage?.mediaId !== hero.mediaId && (
              <button type="button" onClick={() => onChange({ socialImage: hero })} className="text-xs text-accent underline">
                Use the hero image
              </button>
            )}
            <button type="button" aria-expanded={uploads !== null} onClick={() => (uploads ? setUploads(null) : void showUploads())} className="text-xs text-accent underline">
              {uploads ? "Close the uploads" : "Choose an uploaded image"}
            </button>
            {socialImage && (
              <button type="button" onClick={() => onChange({ socialImage: null })} className="text-xs text-accent underline">
                Remove social image
              </button>
            )}
          </div>
        )}
        {!disabled && uploads && (
          <ul aria-label="Recent uploads" className="grid grid-cols-3 gap-1">
            {uploads.length === 0 && <li className="col-span-3 text-xs text-muted">Nothing has been uploaded yet.</li>}
            {uploads.map((choice) => (
              <li key={choice.id}>
                <button type="button" onClick={() => choose(choice)} aria-label={`Use the image uploaded ${formatDateTime(new Date(choice.createdAt))} (${choice.width} × ${choice.height})`} className="block w-full rounded border border-rule">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of our own stored variant */}
                  <img src={choice.url} alt="" className="aspect-[1.91/1] w-full rounded object-cover" />
                </button>
              </li>
            ))}
          </ul>
        )}
        {!disabled && (
          <label className="block">
            <span className="text-xs">Upload a social image</span>
            <input type="file" accept="image/*" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} className="mt-1 block w-full text-xs" />
            <span className="mt-1 block text-xs text-muted">Sharing cards are 1200 × 630. {UPLOAD_HINT}</span>
          </label>
        )}
        {flags.socialImage && <p className="text-xs text-accent">{flags.socialImage}</p>}
      </div>
      <div data-testid="search-preview" className="rounded bg-[#f3f1ec] p-2 text-xs">
        <p className="font-semibold">Search and sharing show</p>
        <p>
          <span className="text-muted">Title: </span>
          {title || <em>none yet</em>}
          {!seoTitle.trim() && <span className="text-muted"> (headline)</span>}
        </p>
        <p>
          <span className="text-muted">Description: </span>
          {text || <em>none yet</em>}
          {!description.trim() && <span className="text-muted"> (standfirst)</span>}
        </p>
        <p>
          <span className="text-muted">Image: </span>
          {socialImage ? "the social image" : image ? "the hero image (hero)" : "the newsroom's default picture"}
        </p>
      </div>
    </fieldset>
  );
}
