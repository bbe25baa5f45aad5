import { forbidden } from "next/navigation";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { pageViewer } from "@/lib/auth/page-viewer";
import { mayChangeSettings } from "@/lib/policy";
import { WEBHOOK_EVENTS } from "@/lib/publishing/outbound";
import { getSettings } from "@/lib/settings";
import { listDeliveries, listWebhooks } from "@/lib/webhooks";
import { ApiTokens } from "./api-tokens";
import { PublishingChecks } from "./publishing-checks";
import { SettingsForm } from "./settings-form";
import { Webhooks } from "./webhooks";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await pageViewer();
  if (!mayChangeSettings(viewer)) forbidden();
  const [settings, tokens] = await Promise.all([getSettings(viewer), listApiTokens(viewer)]);
  const webhooks = await Promise.all((await listWebhooks(viewer)).map(async (hook) => ({ ...hook, deliveries: await listDeliveries(viewer, hook.id, { take: 10 }) })));
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Newsroom settings</h1>
      <SettingsForm initial={settings} />
      <section aria-labelledby="publishing-checks" className="space-y-3 rounded border border-rule bg-paper p-4">
        <h2 id="publishing-checks" className="text-lg font-bold">Publishing checks</h2>
        <p className="text-sm text-muted">
          Looked at before every publish — the last look, the API and the scheduler alike. <strong>Block</strong> stops the publish until it is fixed; <strong>warn</strong> shows in the last look and lets it go.
        </p>
        <PublishingChecks initial={settings} />
      </section>
      <section aria-labelledby="api-tokens" className="space-y-3 rounded border border-rule bg-paper p-4">
        <h2 id="api-tokens" className="text-lg font-bold">API tokens</h2>
        <p className="text-sm text-muted">
          For machines: a wire feed posting to <code>/api/v1/newsroom/ingest</code>, a tool reading the staff API. Sent as <code>Authorization: Bearer …</code>; each acts as its own user (“Wire: name”) in the history.
        </p>
        <ApiTokens tokens={tokens} />
      </section>
      <section aria-labelledby="webhooks" className="space-y-3 rounded border border-rule bg-paper p-4">
        <h2 id="webhooks" className="text-lg font-bold">Webhooks</h2>
        <p className="text-sm text-muted">
          Partners told within seconds when a story is published, changed, corrected, unpublished, archived or its embargo lifted: a signed JSON POST per event, retried until answered, in order per story. See <code>docs/webhooks.md</code>.
        </p>
        <Webhooks webhooks={webhooks} events={WEBHOOK_EVENTS} />
      </section>
    </div>
  );
}
