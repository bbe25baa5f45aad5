"use client";

import { useEffect, useId, useRef, useState } from "react";
import { newsroomTimeZone } from "@/lib/format";
import { DAY, instantOfWallTime, WALL_TIME, zoneAbbreviation } from "@/lib/time-zone";
import { DAY_EXAMPLE, readBackDay, readBackTime, readDay, readTime, TIME_EXAMPLE, writtenDay, writtenTime, writtenWallTime } from "@/lib/written-time";

type Props = {
  name: string;
  /** The control's id, when its label is outside (a label's htmlFor); without `label`. */
  id?: string;
  /** A label of its own. */
  label?: string;
  labelClassName?: string;
  /**
   * What the field holds, shown as the newsroom writes it: for a time, the
   * instant ("2026-12-08T21:00:00.000Z", which keeps the hour the clocks go
   * back unambiguous) or a wall time ("2026-12-08T16:00"); for a day, "2026-12-08".
   */
  defaultValue?: string;
  required?: boolean;
  className?: string;
  /** The reading line hangs below without taking room, so the field lines up with its row's other controls. */
  compact?: boolean;
};

type Reading = { ok: true; text: string } | { ok: false; text: string } | null;

/** An instant as JSON carries it ("2026-12-08T21:00:00.000Z"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

/**
 * A date and time typed the way the newsroom shows them ("8 Dec 2026,
 * 16:00"), never the browser's mm/dd/yyyy and AM/PM. What was typed is what
 * the form sends: the server reads it with the same lib/written-time.ts, in
 * the newsroom's zone, and refuses what it cannot read. This field only
 * helps: it reads the text back as you type ("Read as Tue 8 Dec 2026, 16:00 EST"),
 * shows a refusal in place once you leave the field, and holds the form back
 * (setCustomValidity) while the text is not a time.
 */
export function DateTimeInput(props: Props) {
  const zone = newsroomTimeZone();
  // The example's zone is the one 8 December has there: stable between the server's render and the browser's.
  const example = `${TIME_EXAMPLE} ${zoneAbbreviation(instantOfWallTime("2026-12-08T16:00", zone), zone)}`;
  return (
    <WrittenInput
      {...props}
      kind="time"
      example={example}
      shown={(value) => {
        if (WALL_TIME.test(value)) return writtenWallTime(value);
        const instant = INSTANT.test(value) ? new Date(value) : null;
        return instant && !Number.isNaN(instant.getTime()) ? writtenTime(instant, zone) : value;
      }}
      read={(text) => {
        const reading = readTime(text, zone);
        if (!reading.ok) return { ok: false, text: capitalised(reading.message) };
        return { ok: true, text: `Read as ${readBackTime(reading.instant, zone)}${reading.note ? ` — ${reading.note}` : ""}` };
      }}
    />
  );
}

/** A calendar day typed the way the newsroom shows days ("8 Dec 2026"); a day has no zone. */
export function DayInput(props: Props) {
  return (
    <WrittenInput
      {...props}
      kind="day"
      example={DAY_EXAMPLE}
      shown={(value) => (DAY.test(value) && readDay(value).ok ? writtenDay(value) : value)}
      read={(text) => {
        const reading = readDay(text);
        return reading.ok ? { ok: true, text: `Read as ${readBackDay(reading.day)}` } : { ok: false, text: capitalised(reading.message) };
      }}
    />
  );
}

function WrittenInput({ name, id, label, labelClassName, defaultValue = "", required, className, compact, kind, example, shown, read }: Props & { kind: "time" | "day"; example: string; shown: (value: string) => string; read: (text: string) => Exclude<Reading, null> }) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const readingId = `${inputId}-reading`;
  const [text, setText] = useState(() => shown(defaultValue));
  const [reading, setReading] = useState<Reading>(() => (text.trim() ? read(text) : null));
  // A refusal is shown once the person has left the field (or tried to send it), not at every keystroke.
  const [left, setLeft] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // While the text is not a time the form is held back, a refused default included.
  useEffect(() => input.current?.setCustomValidity(reading && !reading.ok ? reading.text : ""), [reading]);

  function change(value: string) {
    setText(value);
    setReading(value.trim() ? read(value) : null);
  }

  const refused = reading !== null && !reading.ok && left;
  return (
    <div data-testid={`${kind}-input`} className={compact ? "relative" : undefined}>
      {label && <label htmlFor={inputId} className={labelClassName ?? "block font-semibold"}>{label}</label>}
      <input
        ref={input}
        id={inputId}
        type="text"
        name={name}
        value={text}
        required={required}
        placeholder={example}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={refused || undefined}
        aria-describedby={readingId}
        onChange={(event) => change(event.target.value)}
        onBlur={() => setLeft(true)}
        onInvalid={(event) => {
          // The form was sent with a text that is not a time: say why here, instead of the browser's bubble.
          if (reading && !reading.ok) event.preventDefault();
          setLeft(true);
        }}
        className={className}
      />
      <p id={readingId} aria-live="polite" className={`mt-0.5 text-xs ${compact ? "absolute left-0 top-full whitespace-nowrap" : ""} ${refused ? "text-accent" : "text-muted"}`} data-testid={`${kind}-reading`}>
        {refused ? reading.text : reading?.ok ? reading.text : `e.g. ${example}`}
      </p>
    </div>
  );
}
