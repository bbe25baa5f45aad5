import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewNotice } from "@/components/reader/preview-notice";
import { Story } from "@/components/reader/story";
import { staffPreview } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/** Staff see any story they may open as readers would, in the reader layout. */
export default async function StaffPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const article = await staffPreview(viewer, (await params).id).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!article) notFound();
  return (
    <>
      <PreviewNotice />
      <Story article={article} linked={false} />
    </>
  );
}
