import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { appUrl } from "@/lib/env";
import { assertDeliverable, publicOnlyLookup } from "./address";

/** A receiver has this long to answer, all told (connect, send, headers, the part of the body we read). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Of the receiver's answer only this much is read and kept, trimmed, as the last error. */
const ANSWER_BYTES = 4_096;
const ERROR_CHARS = 500;

/** What webhooks send: issue #25's contract, `{ id, type, occurredAt, article: { id, slug, version, url } }`. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  article: { id: string; slug: string; version: number; url: string } | null;
}

/** The story's public address, built as the feeds and sitemaps build theirs (lib/reader/feeds.ts). */
export const articleUrl = (slug: string) => `${appUrl()}/articles/${slug}`;

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>` — what receivers recompute. */
export const signature = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export interface Answer {
  ok: boolean;
  /** the receiver's HTTP status, or null when none came (refused, timed out, address refused) */
  status: number | null;
  /** why it failed, trimmed: the connection error, or the status with the start of the receiver's answer */
  error: string | null;
}

const trim = (text: string) => (text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS - 1)}…` : text);

/**
 * One signed POST. Redirects are never followed (a 3xx is a failed
 * delivery: the receiver should be registered at its final address), and
 * with `denyPrivate` every address connected to is checked first.
 */
export function sendSigned(target: string, secret: string, payload: WebhookPayload, { denyPrivate = false, timeoutMs = REQUEST_TIMEOUT_MS } = {}): Promise<Answer> {
  const body = JSON.stringify(payload);
  const failed = (error: unknown): Answer => ({ ok: false, status: null, error: trim(error instanceof Error ? error.message || String(error) : String(error)) });
  let url: URL;
  try {
    url = new URL(target);
    if (denyPrivate) assertDeliverable(url);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, error: answer.error === null ? null : trim(answer.error) });
    };
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      agent: false,
      ...(denyPrivate && { lookup: publicOnlyLookup }),
      headers: {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(body),
        "User-Agent": "Copydesk-Webhooks/1",
        "X-Copydesk-Event-Id": payload.id,
        "X-Copydesk-Event": payload.type,
        // When it was sent (Unix seconds), for receivers that refuse stale deliveries; the event's own time is occurredAt.
        "X-Copydesk-Timestamp": String(Math.floor(Date.now() / 1000)),
        "X-Copydesk-Signature": signature(secret, body),
      },
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on("error", (error) => finish(failed(error)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let length = 0;
      const done = () => {
        const ok = status >= 200 && status < 300;
        const said = Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString("utf8").replace(/\s+/g, " ").trim();
        const redirect = status >= 300 && status < 400 ? ` (redirects are not followed${response.headers.location ? `: ${response.headers.location}` : ""})` : "";
        finish({ ok, status, error: ok ? null : `HTTP ${status}${redirect}${said ? `: ${said}` : ""}` });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= ANSWER_BYTES) done();
      });
      response.on("end", done);
      // The status is the answer; a connection closed mid-body does not change it.
      response.on("error", done);
      response.on("close", done);
    });
    request.end(body);
  });
}
