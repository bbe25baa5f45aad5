"use client";

import { Extension, type JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { firstPaintHtml, takeOver } from "./first-paint";
import { EditableFigure } from "./figure-view";
import { insertFigure } from "./insert-figure";
import { LinkBox } from "./link-box";
import { cleanPastedHtml, pasteNotice, takeImagePaste } from "./paste-notice";
import { TablePaste } from "./table-paste";
import { TableTools } from "./table-tools";
import { ToolbarButton } from "./toolbar-button";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";

/**
 * ProseMirror reads a selection made by a click or Shift+Home a moment
 * later, on selectionchange; on a busy machine a key pressed at once (Ctrl+K,
 * Tab in a table) acted on the caret before it. A key in the body first has
 * ProseMirror read what changed in the page — its own reading, which knows
 * which selection it set itself, only sooner. `domObserver` is internal to
 * prosemirror-view (its keydown does the same when a read is already due).
 */
function readSelectionFirst(view: EditorView): false {
  (view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
  return false;
}

function InsertImage({ editor, onClose, file }: { editor: Editor; onClose: () => void; file: File | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A decorative photo needs no alt text: the field is cleared and set aside while the box is ticked.
  const [decorative, setDecorative] = useState(false);
  const box = useRef<HTMLFormElement>(null);
  // Keyboard use: the first field has the focus when the form opens; Escape and Cancel hand it back to the body, caret unmoved.
  useEffect(() => box.current?.querySelector("input")?.focus(), []);
  const cancel = () => (onClose(), editor.commands.focus());
  async function insert(form: FormData) {
    setBusy(true);
    setError(null);
    const result = await uploadImageFile(file ?? (form.get("file") as File));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const attrs = { src: result.data.url, alt: decorative ? "" : form.get("alt"), caption: form.get("caption"), credit: form.get("credit"), decorative };
    editor.chain().focus().command(({ tr }) => (insertFigure(tr, editor.schema.nodes.figure!.create(attrs)), true)).scrollIntoView().run();
    onClose();
  }
  return (
    <form
      ref={box}
      aria-label="Image"
      className="grid gap-2 border-b border-rule bg-[#faf9f6] p-3 text-xs sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        void insert(new FormData(event.currentTarget));
      }}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        cancel();
      }}
    >
      {error && <p role="alert" className="text-accent sm:col-span-2">{error}</p>}
      {file ? <p>Image file: {file.name} (pasted)</p> : <label>Image file <input type="file" name="file" accept="image/*" required className="block" /><span className="block text-muted">{UPLOAD_HINT}</span></label>}
      <div>
        <label>Image alt text <input name="alt" required={!decorative} disabled={decorative} className="block w-full rounded border border-rule px-2 py-1 disabled:bg-[#f0eee8]" /></label>
        <label className="mt-1 flex items-center gap-1">
          <input
            type="checkbox"
            checked={decorative}
            onChange={(event) => {
              setDecorative(event.target.checked);
              const alt = event.currentTarget.form?.elements.namedItem("alt");
              if (event.target.checked && alt instanceof HTMLInputElement) alt.value = "";
            }}
          />
          Decorative (no alt text needed)
        </label>
      </div>
      <label>Image caption <input name="caption" className="block w-full rounded border border-rule px-2 py-1" /></label>
      <label>Image credit <input name="credit" className="block w-full rounded border border-rule px-2 py-1" /></label>
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-ink px-2 py-1 text-paper">
          {busy ? "Uploading…" : "Insert image"}
        </button>
        <button type="button" onClick={cancel} className="rounded border border-rule px-2 py-1">Cancel</button>
      </div>
    </form>
  );
}

type BodyEditorProps = {
  content: JSONContent;
  editable: boolean;
  onChange: (doc: JSONContent) => void;
  /** the id of why the last save kept the body back (article-editor.tsx): the body is marked invalid and described by it */
  problemId?: string | null;
  /** what the text box is called for screen readers and tests: "Body" (a story's), or an entry's */
  label?: string;
};

const subscribeToNothing = () => () => {};
const TOOLBAR_ROW = "flex flex-wrap gap-1 border-b border-rule p-2";
const bodyLabel = (label = "Body") => ({ "aria-label": label, role: "textbox", "aria-multiline": "true" }) as const;
// A ring inside the box while the body has the focus: a keyboard user sees where they are (the caret alone is easy to lose).
const BODY_CLASS = "article-body min-h-64 p-4 font-serif text-lg leading-relaxed focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-muted";

/**
 * The body editor, ready on the first paint. The server's HTML (and the
 * hydration pass) holds the body as a plain contenteditable element the
 * browser edits on its own (first-paint.ts); once the page is interactive the
 * Tiptap editor takes over what was typed, the caret and the focus, in that
 * same render. There is never a moment when the body is on screen but ignores
 * a click or a key, or keeps a stale caret to type at later.
 */
export function BodyEditor(props: BodyEditorProps) {
  const interactive = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const surfaceId = useId();
  const [html] = useState(() => (interactive ? "" : firstPaintHtml(props.content)));
  if (!interactive) {
    return (
      <div className="rounded border border-rule bg-white" data-testid="body-first-paint">
        {props.editable && (
          <div role="status" className={`${TOOLBAR_ROW} text-xs text-muted`}>
            <span className="border border-transparent py-0.5">Formatting tools are loading; you can already type.</span>
          </div>
        )}
        <div
          id={surfaceId}
          {...(props.editable && { ...bodyLabel(props.label), contentEditable: true, suppressContentEditableWarning: true })}
          className={BODY_CLASS}
          // Never reconciled by React: what the person types before hydration stays until the editor takes it.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </div>
    );
  }
  return <LiveBodyEditor {...props} firstPaint={{ id: surfaceId, html }} />;
}

function LiveBodyEditor({ content, editable, onChange, problemId, label, firstPaint }: BodyEditorProps & { firstPaint: { id: string; html: string } }) {
  // Read while the first-paint body is still in the page (this render replaces it); null on a client-side visit.
  const [start] = useState(() => takeOver(typeof document === "undefined" ? null : document.getElementById(firstPaint.id), content, firstPaint.html));
  const [inserting, setInserting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [linking, setLinking] = useState<number | null>(null); // when the Link box opened (its key), or null
  const [pastedImage, setPastedImage] = useState<File | null>(null);
  // Ctrl+K (⌘K) opens the Link box, like the toolbar button.
  const [extensions] = useState(() => [
    // The photo node gets its in-place fields here only; the server renders the plain one.
    ...articleExtensions.map((extension) => (extension.name === "figure" ? EditableFigure : extension)),
    Extension.create({
      name: "linkShortcut",
      addKeyboardShortcuts: () => ({ "Mod-k": ({ editor }) => (editor.isEditable && setLinking(Date.now()), true) }),
    }),
    TablePaste.configure({ onNotice: setNotice }), // spreadsheet cells and web tables become tables
  ]);
  const editor = useEditor({
    extensions,
    content: start.content,
    editable,
    // Never rendered on the server (BodyEditor above), so the editor can exist in this very render.
    immediatelyRender: true,
    editorProps: {
      // Options follow each render (no deps), so a save's flag reaches the body's own element, where screen readers meet it.
      attributes: { ...bodyLabel(label), class: BODY_CLASS, ...(problemId && { "aria-invalid": "true", "aria-describedby": problemId }) },
      handleKeyDown: readSelectionFirst,
      transformPastedHTML: (html) => {
        const pasted = cleanPastedHtml(html);
        setNotice(pasteNotice(pasted));
        return pasted.html;
      },
      handleDOMEvents: { paste: (_view, event) => takeImagePaste(event, setNotice, setPastedImage) },
    },
    onUpdate: ({ editor }) => onChange(editor.getJSON()),
  });
  useEffect(() => {
    editor.setEditable(editable, false); // a move that changes who may edit is not an edit
  }, [editor, editable]);
  // The takeover, before the browser paints or handles another key: the caret and focus where they were, and what was typed saved.
  useLayoutEffect(() => {
    const { doc } = editor.state;
    const clamp = (pos: number) => Math.max(0, Math.min(pos, doc.content.size));
    if (start.selection) editor.view.dispatch(editor.state.tr.setSelection(TextSelection.between(doc.resolve(clamp(start.selection.anchor)), doc.resolve(clamp(start.selection.head)))));
    if (start.focused) editor.view.focus();
    if (start.changed) onChange(editor.getJSON());
  }, [editor, start]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the editor takes over
  return (
    <div className="rounded border border-rule bg-white">
      {editable && (
        <div role="toolbar" aria-label="Formatting" className={TOOLBAR_ROW}>
          <ToolbarButton label="Bold" active={editor.isActive("bold")} onClick={() => editor.chain().focus().toggleBold().run()} />
          <ToolbarButton label="Italic" active={editor.isActive("italic")} onClick={() => editor.chain().focus().toggleItalic().run()} />
          <ToolbarButton label="Heading" active={editor.isActive("heading", { level: 2 })} onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()} />
          <ToolbarButton label="Subheading" active={editor.isActive("heading", { level: 3 })} onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()} />
          <ToolbarButton label="Bullet list" active={editor.isActive("bulletList")} onClick={() => editor.chain().focus().toggleBulletList().run()} />
          <ToolbarButton label="Quote" active={editor.isActive("blockquote")} onClick={() => editor.chain().focus().toggleBlockquote().run()} />
          <ToolbarButton label="Link" active={editor.isActive("link")} onClick={() => setLinking(Date.now())} />
          <ToolbarButton label="Image" active={inserting} onClick={() => setInserting(!inserting)} />
          <TableTools editor={editor} />
        </div>
      )}
      {notice && (
        <p role="status" className="border-b border-rule bg-amber-50 p-2 text-xs">
          {notice}
          {pastedImage && editable && <button type="button" onClick={() => setInserting(true)} className="ml-2 rounded border border-rule bg-white px-2 py-0.5">Upload the pasted image</button>}
        </p>
      )}
      {linking !== null && <LinkBox key={linking} editor={editor} onClose={() => setLinking(null)} />}
      {inserting && <InsertImage editor={editor} file={pastedImage} onClose={() => (setInserting(false), setPastedImage(null))} />}
      <EditorContent editor={editor} />
    </div>
  );
}
