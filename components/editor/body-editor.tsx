"use client";

import { Extension, type JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { normalizeHref } from "@/lib/content/links";
import { EditableFigure } from "./figure-view";
import { api } from "./api";

/**
 * Pasted HTML, with every link brought to the link rule's form: `www.`
 * addresses get https://, and links that cannot be links (in-page anchors,
 * //host, other schemes) are unwrapped so their text stays. Returns what was
 * dropped, to tell the person.
 */
function normalizePastedLinks(html: string): { html: string; dropped: string[] } {
  const document = new DOMParser().parseFromString(html, "text/html");
  const dropped: string[] = [];
  for (const anchor of Array.from(document.querySelectorAll("a[href]"))) {
    const verdict = normalizeHref(anchor.getAttribute("href") ?? "");
    if (verdict.ok) {
      anchor.setAttribute("href", verdict.href);
    } else {
      dropped.push(anchor.getAttribute("href") ?? "");
      anchor.replaceWith(...Array.from(anchor.childNodes));
    }
  }
  return { html: document.body.innerHTML, dropped };
}

/** The Link box: what is typed is brought to the link rule's form, or refused with the reason. */
function askForLink(editor: Editor, tell: (notice: string | null) => void) {
  if (editor.isActive("link")) return void editor.chain().focus().unsetLink().run();
  const typed = window.prompt("Link address (https://…, www.…, mailto:…, tel:…)");
  if (!typed) return;
  const verdict = normalizeHref(typed);
  tell(verdict.ok ? null : `"${typed}" cannot be a link: ${verdict.reason}.`);
  if (verdict.ok) editor.chain().focus().setLink({ href: verdict.href }).run();
}

function ToolbarButton({ label, active, onClick, disabled }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active}
      className={`rounded border px-2 py-0.5 text-xs ${active ? "border-ink bg-ink text-paper" : "border-rule bg-white"}`}
    >
      {label}
    </button>
  );
}

function InsertImage({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function insert(form: FormData) {
    setBusy(true);
    setError(null);
    const upload = new FormData();
    upload.set("file", form.get("file") as File);
    const result = await api<{ url: string }>("/media", { form: upload });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    editor
      .chain()
      .focus()
      .insertContent({ type: "figure", attrs: { src: result.data.url, alt: form.get("alt"), caption: form.get("caption"), credit: form.get("credit") } })
      .run();
    onClose();
  }
  return (
    <form
      className="grid gap-2 border-b border-rule bg-[#faf9f6] p-3 text-xs sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        void insert(new FormData(event.currentTarget));
      }}
    >
      {error && <p role="alert" className="text-accent sm:col-span-2">{error}</p>}
      <label>Image file <input type="file" name="file" accept="image/*" required className="block" /></label>
      <label>Image alt text <input name="alt" required className="block w-full rounded border border-rule px-2 py-1" /></label>
      <label>Image caption <input name="caption" className="block w-full rounded border border-rule px-2 py-1" /></label>
      <label>Image credit <input name="credit" className="block w-full rounded border border-rule px-2 py-1" /></label>
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-ink px-2 py-1 text-paper">
          {busy ? "Uploading…" : "Insert image"}
        </button>
        <button type="button" onClick={onClose} className="rounded border border-rule px-2 py-1">Cancel</button>
      </div>
    </form>
  );
}

/** The Tiptap body editor, with the same extensions the server validates and renders with. */
export function BodyEditor({ content, editable, onChange }: { content: JSONContent; editable: boolean; onChange: (doc: JSONContent) => void }) {
  const [inserting, setInserting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Ctrl+K (⌘K) opens the Link box, like the toolbar button.
  const [extensions] = useState(() => [
    // The photo node gets its in-place fields here only; the server renders the plain one.
    ...articleExtensions.map((extension) => (extension.name === "figure" ? EditableFigure : extension)),
    Extension.create({ name: "linkShortcut", addKeyboardShortcuts: () => ({ "Mod-k": ({ editor }) => (askForLink(editor, setNotice), true) }) }),
  ]);
  const editor = useEditor({
    extensions,
    content,
    editable,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-label": "Body", role: "textbox", "aria-multiline": "true", class: "article-body min-h-64 p-4 font-serif text-lg leading-relaxed outline-none" },
      transformPastedHTML: (html) => {
        const pasted = normalizePastedLinks(html);
        setNotice(pasted.dropped.length > 0 ? `Pasted links that cannot be links were dropped; their text stays: ${pasted.dropped.join(", ")}` : null);
        return pasted.html;
      },
    },
    onUpdate: ({ editor }) => onChange(editor.getJSON()),
  });
  useEffect(() => {
    editor?.setEditable(editable, false); // becoming editable after hydration is not an edit
  }, [editor, editable]);
  if (!editor) return <div className="min-h-64 rounded border border-rule bg-white" />;
  return (
    <div className="rounded border border-rule bg-white">
      {editable && (
        <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-rule p-2">
          <ToolbarButton label="Bold" active={editor.isActive("bold")} onClick={() => editor.chain().focus().toggleBold().run()} />
          <ToolbarButton label="Italic" active={editor.isActive("italic")} onClick={() => editor.chain().focus().toggleItalic().run()} />
          <ToolbarButton label="Heading" active={editor.isActive("heading", { level: 2 })} onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()} />
          <ToolbarButton label="Subheading" active={editor.isActive("heading", { level: 3 })} onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()} />
          <ToolbarButton label="Bullet list" active={editor.isActive("bulletList")} onClick={() => editor.chain().focus().toggleBulletList().run()} />
          <ToolbarButton label="Quote" active={editor.isActive("blockquote")} onClick={() => editor.chain().focus().toggleBlockquote().run()} />
          <ToolbarButton label="Link" active={editor.isActive("link")} onClick={() => askForLink(editor, setNotice)} />
          <ToolbarButton label="Image" active={inserting} onClick={() => setInserting(!inserting)} />
        </div>
      )}
      {notice && <p role="status" className="border-b border-rule bg-amber-50 p-2 text-xs">{notice}</p>}
      {inserting && <InsertImage editor={editor} onClose={() => setInserting(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
