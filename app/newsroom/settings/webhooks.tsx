"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { api } from "@/components/editor/api";
import { formatDateTime } from "@/lib/format";

interface Delivery {
  id: string;
  eventId: string;
  type: string;
  article: { id: string; slug: string; version: number };
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
}

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  paused: boolean;
  pending: number;
  createdAt: Date;
  createdBy: { name: string };
  deliveries: Delivery[];
}

/** The names are the API's (lib/publishing/outbound.ts WEBHOOK_EVENTS); the page passes them in, so no server module is bundled here. */
const EVENT_LABELS: Record<string, string> = {
  published: "Published",
  changes_published: "Changes published",
  corrected: "Corrected",
  unpublished: "Unpublished",
  archived: "Archived",
  embargo_lifted: "Embargo lifted",
};

const when = (date: Date | null) => (date ? formatDateTime(new Date(date)) : "—");
const answerOf = (delivery: Delivery) =>
  delivery.attempts === 0 ? "not tried yet" : delivery.lastStatus !== null ? `${delivery.lastStatus}${delivery.lastError ? ` — ${delivery.lastError}` : ""}` : (delivery.lastError ?? "no answer");

/** Admins register webhook endpoints, pause and resume them, send a test, delete them, and read each one's recent deliveries. */
export function Webhooks({ webhooks, events }: { webhooks: WebhookRow[]; events: readonly string[] }) {
  const router = useRouter();
  const [problem, setProblem] = useState<{ text: string; field?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [madeSecret, setMadeSecret] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, { ok: boolean; text: string }>>({});
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const say = (text: string) => {
    setProblem(null);
    setNotice(text);
    // After a row disappears (deleted) focus would fall to the page: it lands on what happened instead.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  async function create(form: HTMLFormElement) {
    const data = new FormData(form);
    const secret = String(data.get("secret") ?? "");
    const result = await api<{ secret?: string }>("/webhooks", { json: { url: data.get("url"), events: data.getAll("events"), ...(secret && { secret }) } });
    if (!result.ok) {
      setNotice(null);
      setProblem({ text: result.error.message, field: typeof result.error.details.field === "string" ? result.error.details.field : undefined });
      if (result.error.details.field === "url") urlRef.current?.focus();
      return;
    }
    form.reset();
    setMadeSecret(result.data.secret ?? null);
    say(result.data.secret ? "Webhook added. Copy its secret now; it is not shown again." : "Webhook added.");
    router.refresh();
  }
  async function setPaused(id: string, paused: boolean) {
    const result = await api(`/webhooks/${id}`, { method: "PATCH", json: { paused } });
    if (!result.ok) return setProblem({ text: result.error.message });
    say(paused ? "Webhook paused: its events wait until it is resumed." : "Webhook resumed: what waited is sent in order.");
    router.refresh();
  }
  async function test(id: string) {
    setTests((all) => ({ ...all, [id]: { ok: true, text: "Sending a test ping…" } }));
    const result = await api<{ delivered: boolean; status: number | null; error: string | null }>(`/webhooks/${id}/test`, { method: "POST" });
    const outcome = !result.ok
      ? { ok: false, text: result.error.message }
      : result.data.delivered
        ? { ok: true, text: `Test ping answered ${result.data.status}.` }
        : { ok: false, text: `Test ping failed: ${result.data.error ?? `answered ${result.data.status}`}` };
    setTests((all) => ({ ...all, [id]: outcome }));
  }
  async function remove(id: string, url: string) {
    if (!window.confirm(`Delete the webhook to ${url}? Events not yet delivered to it are dropped.`)) return;
    const result = await api(`/webhooks/${id}`, { method: "DELETE" });
    if (!result.ok) return setProblem({ text: result.error.message });
    say("Webhook deleted.");
    router.refresh();
  }

  return (
    <div className="space-y-4 text-sm">
      <form
        aria-label="New webhook"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <div>
          <label htmlFor="webhook-url" className="block font-semibold">Address</label>
          <input
            ref={urlRef}
            id="webhook-url"
            name="url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://partner.example/copydesk"
            aria-invalid={problem?.field === "url" || undefined}
            aria-describedby={problem?.field === "url" ? "webhook-problem" : undefined}
            className="w-full rounded border border-rule px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="webhook-secret" className="block font-semibold">Secret <span className="font-normal text-muted">(optional)</span></label>
          <input
            id="webhook-secret"
            name="secret"
            type="password"
            autoComplete="new-password"
            minLength={16}
            maxLength={256}
            aria-describedby="webhook-secret-hint"
            aria-invalid={problem?.field === "secret" || undefined}
            className="w-full rounded border border-rule px-2 py-1"
          />
          <p id="webhook-secret-hint" className="text-muted">At least 16 characters. Leave empty and one is made for you, shown once.</p>
        </div>
        <fieldset aria-describedby={problem?.field === "events" ? "webhook-problem" : undefined}>
          <legend className="font-semibold">Events</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {events.map((name) => (
              <label key={name} className="flex items-center gap-1.5">
                <input type="checkbox" name="events" value={name} defaultChecked />
                {EVENT_LABELS[name] ?? name}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="rounded bg-ink px-3 py-1.5 font-semibold text-paper">Add webhook</button>
      </form>
      {problem && <p id="webhook-problem" role="alert" className="text-accent">{problem.text}</p>}
      {notice && <p ref={noticeRef} tabIndex={-1} role="status" className="text-green-800">{notice}</p>}
      {madeSecret && (
        <div className="rounded border border-green-800 bg-green-50 p-3">
          <p>The new webhook&apos;s secret — copy it now:</p>
          <code data-testid="new-webhook-secret" className="mt-1 block break-all font-mono text-xs">{madeSecret}</code>
        </div>
      )}
      {webhooks.length === 0 ? (
        <p className="text-muted">No webhooks yet.</p>
      ) : (
        <ul className="space-y-4" aria-label="Webhooks">
          {webhooks.map((hook) => (
            <li key={hook.id} className="space-y-2 rounded border border-rule p-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <code className="break-all font-mono font-semibold">{hook.url}</code>
                <span className={hook.paused ? "text-accent" : "text-green-800"}>{hook.paused ? "Paused" : "Active"}</span>
                {hook.pending > 0 && <span className="text-muted">{hook.pending} waiting</span>}
              </div>
              <p className="text-muted">
                {hook.events.map((name) => EVENT_LABELS[name] ?? name).join(", ")} · added by {hook.createdBy.name} {when(hook.createdAt)}
              </p>
              <div className="flex flex-wrap gap-2">
                <button type="button" onClick={() => void setPaused(hook.id, !hook.paused)} className="rounded border border-rule px-2 py-0.5">
                  {hook.paused ? "Resume" : "Pause"}<span className="sr-only"> {hook.url}</span>
                </button>
                <button type="button" onClick={() => void test(hook.id)} className="rounded border border-rule px-2 py-0.5">
                  Send test<span className="sr-only"> to {hook.url}</span>
                </button>
                <button type="button" onClick={() => void remove(hook.id, hook.url)} className="rounded border border-rule px-2 py-0.5 text-accent">
                  Delete<span className="sr-only"> {hook.url}</span>
                </button>
              </div>
              {tests[hook.id] && <p role="status" className={tests[hook.id]!.ok ? undefined : "text-accent"}>{tests[hook.id]!.text}</p>}
              {hook.deliveries.length > 0 ? (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-xs">
                    <caption className="text-left font-semibold">Recent deliveries</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="pr-2">Event</th>
                        <th scope="col" className="pr-2">Story</th>
                        <th scope="col" className="pr-2">Tries</th>
                        <th scope="col" className="pr-2">Last answer</th>
                        <th scope="col" className="pr-2">Last try</th>
                        <th scope="col">Delivered / next try</th>
                      </tr>
                    </thead>
                    <tbody>
                      {hook.deliveries.map((delivery) => (
                        <tr key={delivery.id} className="border-t border-rule align-top">
                          <td className="pr-2">{EVENT_LABELS[delivery.type] ?? delivery.type}</td>
                          <td className="pr-2 break-all">{delivery.article.slug}</td>
                          <td className="pr-2">{delivery.attempts}</td>
                          <td className={`pr-2 break-all ${delivery.deliveredAt ? "" : "text-accent"}`}>{answerOf(delivery)}</td>
                          <td className="pr-2">{when(delivery.lastAttemptAt)}</td>
                          <td>{delivery.deliveredAt ? `delivered ${when(delivery.deliveredAt)}` : `next ${when(delivery.nextAttemptAt)}${hook.paused ? " (paused)" : ""}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="text-muted">Nothing delivered yet.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
