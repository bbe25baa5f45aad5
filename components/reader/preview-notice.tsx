/** The band above a preview, so nobody mistakes a working copy for the published story. */
export function PreviewNotice() {
  return (
    <p role="note" className="mx-auto mb-6 max-w-3xl rounded border-2 border-amber-600 bg-amber-50 p-3 font-sans text-sm">
      <strong>Preview.</strong> This is the working copy as readers would see it once it is published; until then readers get the published version, if there is one.
    </p>
  );
}
