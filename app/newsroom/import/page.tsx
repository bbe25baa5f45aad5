import { ImportForm } from "./import-form";

export const metadata = { title: "Import" };

export default function ImportPage() {
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">Import copy</h1>
      <p className="text-sm text-muted">
        Paste a story as text, or drop a <code>.txt</code> file or an IPTC ninjs <code>.json</code> item. Photo captions ending in “(Photo: …)” become photo slots,
        boilerplate is dropped — you see the draft before it is made.
      </p>
      <ImportForm />
    </div>
  );
}
