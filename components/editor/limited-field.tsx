"use client";

import { useId, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { count, fieldLength } from "@/lib/content/limits";

/** From this share of its limit on, a field shows its count ("160 / 200"). */
const SHOW_COUNT_FROM = 0.8;

/** A line break typed or pasted into a one-line field becomes a space: a headline is one line. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ");

interface LimitedFieldProps {
  label: string;
  value: string;
  /** the field's limit in FIELD_LIMITS (lib/content/limits.ts): the server keeps back a longer one */
  limit: number;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** why the last save kept this field back, shown under it until a save takes it */
  problem?: string | null;
  /**
   * "line": a plain input (short texts: slug, credit); "wrap": one line that
   * wraps and grows with its text instead of scrolling (a headline, alt
   * text); "lines": several lines that grow (a standfirst).
   */
  kind?: "line" | "wrap" | "lines";
  rows?: number;
  placeholder?: string;
  className?: string;
  labelClassName?: string;
  inputClassName?: string;
}

/**
 * A text field with a limit: the count shows as the limit nears and turns
 * red past it, and a save's reason for keeping the field back shows under it,
 * both tied to the field for screen readers (aria-describedby, aria-invalid).
 * The box never cuts what was typed or pasted: the person decides what goes.
 */
export function LimitedField({ label, value, limit, onChange, disabled, problem, kind = "line", rows = 1, placeholder, className, labelClassName, inputClassName }: LimitedFieldProps) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const length = fieldLength(value);
  const over = length > limit;
  const showCount = length >= limit * SHOW_COUNT_FROM;
  const describedBy = [problem ? `${id}-problem` : null, showCount ? `${id}-count` : null].filter(Boolean).join(" ") || undefined;

  // Grow with the text, never scroll inside the box: the whole headline stays in view while it is edited.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => {
      element.style.height = "auto";
      element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [value]);

  const shared = {
    id,
    value,
    disabled,
    placeholder,
    "aria-invalid": over || Boolean(problem) || undefined,
    "aria-describedby": describedBy,
    className: `${inputClassName ?? ""} ${over || problem ? "border-accent" : ""}`,
  };
  return (
    <div className={className} data-limited-field="">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {kind === "line" ? (
        <input {...shared} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea
          {...shared}
          ref={box}
          rows={rows}
          className={`${shared.className} resize-none overflow-hidden`}
          onChange={(event) => onChange(kind === "wrap" ? oneLine(event.target.value) : event.target.value)}
          onKeyDown={kind === "wrap" ? (event: KeyboardEvent) => event.key === "Enter" && !event.nativeEvent.isComposing && event.preventDefault() : undefined}
        />
      )}
      {(problem || showCount) && (
        <div className="mt-1 flex items-start justify-between gap-3 text-xs">
          {problem ? (
            <p id={`${id}-problem`} className="text-accent">
              {problem}
            </p>
          ) : (
            <span />
          )}
          {showCount && (
            <span id={`${id}-count`} data-testid="field-count" className={`shrink-0 tabular-nums ${over ? "font-semibold text-accent" : "text-muted"}`}>
              {count(length)} / {count(limit)}
              {over && <span> — {count(length - limit)} too many</span>}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
