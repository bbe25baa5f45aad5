import { pageViewer } from "@/lib/auth/page-viewer";
import { listNotifications } from "@/lib/notifications";
import { InboxList } from "./inbox-list";

export const metadata = { title: "Inbox" };

export default async function InboxPage() {
  const viewer = await pageViewer();
  const { notifications, unread } = await listNotifications(viewer);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">Inbox</h1>
      <InboxList notifications={notifications} unread={unread} />
    </div>
  );
}
