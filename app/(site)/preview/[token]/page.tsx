import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewNotice } from "@/components/reader/preview-notice";
import { Story } from "@/components/reader/story";
import { previewByToken } from "@/lib/articles";

// A share link shows the working copy as it is now; never cached (proxy.ts also marks it private, no-store, noindex).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const article = await previewByToken((await params).token);
  if (!article) notFound();
  return (
    <>
      <PreviewNotice />
      <Story article={article} linked={false} />
    </>
  );
}
