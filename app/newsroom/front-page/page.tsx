import { forbidden } from "next/navigation";
import { getFrontPagePlan } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { mayArrangeFrontPage } from "@/lib/policy";
import { FrontPageArranger } from "./front-page-arranger";

export const metadata = { title: "Front page" };

export default async function FrontPagePlanPage() {
  const viewer = await pageViewer();
  if (!mayArrangeFrontPage(viewer)) forbidden();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Front page</h1>
      <p className="text-sm text-muted">
        Pin the lead story and the slots under it, in order. Everything else follows newest first; unpin a story and its place goes back to the newest.
        Readers get the new order within a second of saving.
      </p>
      <FrontPageArranger initial={await getFrontPagePlan(viewer)} />
    </div>
  );
}
