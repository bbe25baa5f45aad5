/** The band above a preview, so nobody mistakes a working copy for the published story. */
export function PreviewNotice({ live }: { live: boolean }) {
  return (
    <p role="note" className="mx-auto mb-6 max-w-3xl rounded border-2 border-amber-600 bg-amber-50 p-3 font-sans text-sm">
      <strong>Preview.</strong> This is a working copy, not what readers see{live ? "; the published version stays up until an editor publishes these changes" : "; it is not published"}.
    </p>
  );
}
