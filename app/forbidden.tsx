import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center font-sans">
      <h1 className="font-serif text-3xl font-bold">Not allowed</h1>
      <p className="mt-4 text-muted">Your role does not give you access to this page.</p>
      <p className="mt-6">
        <Link href="/newsroom" className="text-accent underline">
          Back to the newsroom
        </Link>
      </p>
    </main>
  );
}
