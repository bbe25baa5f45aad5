import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { axeFindings } from "./quality";
import { signedInPage } from "./support";

/*
 * Issue #25, item 3, in the browser: an admin adds a webhook on the settings page, sends a test, sees a
 * publish arrive (the server's own deliverer, started by instrumentation.ts) with its last answer listed,
 * pauses, resumes and deletes it; a bad address is refused with the field named and focused.
 */
const SECRET = "an-e2e-webhook-secret";
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("an admin adds, tests, pauses, resumes and deletes a webhook, and sees its deliveries", async ({ browser }) => {
  const received: { raw: string; signature: string | undefined; body: { type: string; article: { slug: string } | null } }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ raw, signature: request.headers["x-copydesk-signature"] as string | undefined, body: JSON.parse(raw) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/copydesk`;
  const admin = await signedInPage(browser, "admin@example.com");
  try {
    await admin.goto("/newsroom/settings");
    const section = admin.getByRole("region", { name: "Webhooks" });
    const form = section.getByRole("form", { name: "New webhook" });

    // A scheme that is not http(s): refused, said, and the field named and focused.
    await form.getByLabel("Address").fill("ftp://example.com/hook");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(section.getByRole("alert")).toContainText("must be an http:// or https:// address");
    await expect(form.getByLabel("Address")).toBeFocused();
    await expect(form.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Address").fill(url);
    await form.getByLabel(/^Secret/).fill(SECRET);
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(section.getByRole("status").first()).toHaveText("Webhook added.");
    const item = section.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: url });
    await expect(item).toContainText("Active");

    await item.getByRole("button", { name: `Send test to ${url}` }).click();
    await expect(item.getByRole("status")).toHaveText("Test ping answered 204.");
    expect(received.some((r) => r.body.type === "ping")).toBe(true);

    // A publish reaches the receiver through the server's deliverer, signed with the secret.
    const editor = await signedInPage(browser, "editor@example.com");
    const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Webhook story ${Date.now()}`, body: doc("Text.") } })).json();
    expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);
    await expect.poll(() => received.find((r) => r.body.type === "published" && r.body.article?.slug === created.slug), { timeout: 15_000 }).toBeTruthy();
    const published = received.find((r) => r.body.type === "published" && r.body.article?.slug === created.slug)!;
    expect(published.signature).toBe(`sha256=${createHmac("sha256", SECRET).update(published.raw).digest("hex")}`);

    await admin.reload();
    const row = item.getByRole("row").filter({ hasText: created.slug });
    await expect(row).toContainText("Published");
    await expect(row).toContainText("204");
    const found = (await axeFindings(admin)).filter(({ impact }) => impact === "serious" || impact === "critical");
    expect(found).toEqual([]);

    await item.getByRole("button", { name: `Pause ${url}` }).click();
    await expect(section.getByRole("status").first()).toContainText("Webhook paused");
    await expect(item).toContainText("Paused");
    await item.getByRole("button", { name: `Resume ${url}` }).click();
    await expect(section.getByRole("status").first()).toContainText("Webhook resumed");

    admin.once("dialog", (dialog) => void dialog.accept());
    await item.getByRole("button", { name: `Delete ${url}` }).click();
    await expect(section.getByRole("status").first()).toHaveText("Webhook deleted.");
    await expect(section.getByRole("status").first()).toBeFocused();
    await expect(item).toHaveCount(0);
  } finally {
    // Never leave an endpoint behind for other specs' publishes.
    const { webhooks } = (await (await admin.request.get("/api/v1/newsroom/webhooks")).json()) as { webhooks: { id: string; url: string }[] };
    for (const hook of webhooks.filter((w) => w.url === url)) await admin.request.delete(`/api/v1/newsroom/webhooks/${hook.id}`);
    server.closeAllConnections();
    server.close();
  }
});
