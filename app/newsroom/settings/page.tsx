import { forbidden } from "next/navigation";
import { pageViewer } from "@/lib/auth/page-viewer";
import { mayChangeSettings } from "@/lib/policy";
import { getSettings } from "@/lib/settings";
import { SettingsForm } from "./settings-form";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await pageViewer();
  if (!mayChangeSettings(viewer)) forbidden();
  const settings = await getSettings(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Newsroom settings</h1>
      <SettingsForm initial={settings} />
    </div>
  );
}
