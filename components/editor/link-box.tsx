"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { normalizeTypedHref } from "@/lib/content/links";

/**
 * The Link box: an inline form under the toolbar, opened by the Link button
 * or Ctrl+K (⌘K), never the browser's prompt (which blocks the page and
 * cannot say what is wrong). What is typed is brought to the link rule's form
 * (lib/content/links.ts, the same rule as paste and save) or refused with the
 * reason, changing nothing. With the caret in a link it edits that link.
 * Enter applies; Escape and Cancel close it and hand the focus back to the
 * body, where the selection still is (ProseMirror keeps it while the box has
 * the focus).
 */
export function LinkBox({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  // Read once, when the box opens: the link the caret is in, if any.
  const [existing] = useState(() => (editor.isActive("link") ? String(editor.getAttributes("link").href ?? "") : null));
  const [typed, setTyped] = useState(existing ?? "");
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  useEffect(() => {
    // Back in the text (a click, Shift+Tab): the box closes rather than wait to apply to a selection it did not open on.
    editor.on("focus", onClose);
    return () => void editor.off("focus", onClose);
  }, [editor, onClose]);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function apply() {
    const address = typed.trim();
    if (!address) return setError("Type the address the link leads to, or press Cancel.");
    const verdict = normalizeTypedHref(address);
    if (!verdict.ok) return setError(`"${address}" cannot be a link: ${verdict.reason}.`);
    const href = verdict.href;
    const chain = editor.chain().focus();
    if (existing !== null) chain.extendMarkRange("link").setLink({ href });
    // Nothing selected: the address itself becomes the link's text, and typing after it is plain text again.
    else if (editor.state.selection.empty) chain.insertContent({ type: "text", text: address, marks: [{ type: "link", attrs: { href } }] }).unsetMark("link");
    else chain.setLink({ href });
    chain.run();
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  return (
    <form
      aria-label="Link"
      className="flex flex-wrap items-end gap-2 border-b border-rule bg-[#faf9f6] p-3 text-xs"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        }
        // Ctrl+K inside the box would send the focus to the browser's own search field.
        if (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey)) event.preventDefault();
      }}
    >
      {/* The hint sits outside the label: the field's name stays "Link address", the hint is its description. */}
      <div className="grow">
        <label htmlFor={`${id}-address`} className="block">
          Link address
        </label>
        <input
          id={`${id}-address`}
          ref={field}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setError(null);
          }}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="block w-full rounded border border-rule px-2 py-1"
        />
        <span id={`${id}-hint`} className="block text-muted">
          https://…, www.…, mailto:…, tel:… or a path on this site (/…). Enter applies, Escape cancels.
        </span>
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-ink px-2 py-1 text-paper">
          {existing !== null ? "Update link" : "Apply link"}
        </button>
        {existing !== null && (
          <button type="button" onClick={remove} className="rounded border border-rule px-2 py-1">
            Remove link
          </button>
        )}
        <button type="button" onClick={close} className="rounded border border-rule px-2 py-1">
          Cancel
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="basis-full text-accent">
          {error}
        </p>
      )}
    </form>
  );
}
