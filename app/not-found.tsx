import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-muted">The page you asked for does not exist or is no longer published.</p>
      <p className="mt-6 font-sans">
        <Link href="/" className="text-accent underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
