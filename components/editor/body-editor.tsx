"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { api } from "./api";

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
  const editor = useEditor({
    extensions: articleExtensions,
    content,
    editable,
    immediatelyRender: false,
    editorProps: { attributes: { "aria-label": "Body", role: "textbox", "aria-multiline": "true", class: "article-body min-h-64 p-4 font-serif text-lg leading-relaxed outline-none" } },
    onUpdate: ({ editor }) => onChange(editor.getJSON()),
  });
  useEffect(() => {
    editor?.setEditable(editable, false); // becoming editable after hydration is not an edit
  }, [editor, editable]);
  if (!editor) return <div className="min-h-64 rounded border border-rule bg-white" />;
  const toggleLink = () => {
    if (editor.isActive("link")) return editor.chain().focus().unsetLink().run();
    const href = window.prompt("Link address (https://…)");
    if (href) editor.chain().focus().setLink({ href }).run();
  };
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
          <ToolbarButton label="Link" active={editor.isActive("link")} onClick={toggleLink} />
          <ToolbarButton label="Image" active={inserting} onClick={() => setInserting(!inserting)} />
        </div>
      )}
      {inserting && <InsertImage editor={editor} onClose={() => setInserting(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
