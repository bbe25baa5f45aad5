import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { mayChangeSettings, type Viewer } from "@/lib/policy";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/publishing/outbound";
import { parseInput } from "@/lib/validation";
import { refusePrivateUrl, webhookUrl } from "./address";

/**
 * Admins register, change, pause and delete the addresses partners are told
 * at (issue #25, item 3). The secret is write-only: set (or made) here,
 * shown once when made, never read back — a GET says only that one is set.
 */
const SECRET_PREFIX = "whsec_";
const Url = z.string({ error: "must be an http:// or https:// address" }).trim().min(1, "is required").max(4_000);
const Secret = z.string({ error: "must be text" }).min(16, "must be at least 16 characters").max(256, "must be at most 256 characters");
const Events = z.array(z.string({ error: "must be event names" }).max(64), { error: "must be a list of event names" }).min(1, "must name at least one event").max(20);

const CreateInput = z.object({ url: Url, secret: Secret.optional(), events: Events }).strict();
const UpdateInput = z
  .object({ url: Url, secret: Secret, events: Events, paused: z.boolean({ error: "must be true or false" }) })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Send at least one of url, secret, events, paused.");

/** Event names in any letter case, canonical and without repeats; unknown ones are a 400 naming every one. */
function eventNames(names: string[]): WebhookEvent[] {
  const known = new Map<string, WebhookEvent>(WEBHOOK_EVENTS.map((name) => [name, name]));
  const unknown = names.filter((name) => !known.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION", `events: unknown event name${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => JSON.stringify(name)).join(", ")}; known: ${WEBHOOK_EVENTS.join(", ")}.`, {
      field: "events",
      unknown,
    });
  }
  return [...new Set(names.map((name) => known.get(name.toLowerCase())!))];
}

async function checkedUrl(value: string, denyPrivate: boolean): Promise<string> {
  const url = webhookUrl(value);
  if (denyPrivate) await refusePrivateUrl(url);
  return url.href;
}

const endpointSelect = {
  id: true,
  url: true,
  events: true,
  paused: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  _count: { select: { deliveries: { where: { deliveredAt: null } } } },
} as const;

type EndpointRow = { id: string; url: string; events: string[]; paused: boolean; createdAt: Date; updatedAt: Date; createdBy: { name: string }; _count: { deliveries: number } };

/** What admins see of an endpoint: everything but the secret, and how many deliveries are still owed. */
const view = ({ _count, ...endpoint }: EndpointRow) => ({ ...endpoint, secretSet: true, pending: _count.deliveries });
export type WebhookEndpointView = ReturnType<typeof view>;

function assertAdmin(viewer: Viewer) {
  if (!mayChangeSettings(viewer)) throw forbidden("Only admins manage webhooks.");
  if (viewer.kind !== "staff") throw new Error("unreachable: admins are staff");
  return viewer;
}

/** Registers an endpoint; without a secret one is made, and answered once as `secret`. */
export async function createWebhook(viewer: Viewer, input: unknown, { denyPrivate = env().WEBHOOK_DENY_PRIVATE } = {}) {
  const admin = assertAdmin(viewer);
  const parsed = parseInput(CreateInput, input);
  const events = eventNames(parsed.events);
  const url = await checkedUrl(parsed.url, denyPrivate);
  const secret = parsed.secret ?? `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const endpoint = await db().webhookEndpoint.create({ data: { url, secret, events, createdById: admin.id }, select: endpointSelect });
  return { webhook: view(endpoint), ...(parsed.secret === undefined && { secret }) };
}

export async function listWebhooks(viewer: Viewer): Promise<WebhookEndpointView[]> {
  assertAdmin(viewer);
  const endpoints = await db().webhookEndpoint.findMany({ where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: endpointSelect });
  return endpoints.map(view);
}

/**
 * Changes url, secret, events or paused. Deliveries already owed keep their
 * events and go to the address (and with the secret) in force when sent;
 * resuming a paused endpoint sends what waited, in order.
 */
export async function updateWebhook(viewer: Viewer, endpointId: string, input: unknown, { denyPrivate = env().WEBHOOK_DENY_PRIVATE } = {}) {
  assertAdmin(viewer);
  const parsed = parseInput(UpdateInput, input);
  const data = {
    ...(parsed.url !== undefined && { url: await checkedUrl(parsed.url, denyPrivate) }),
    ...(parsed.events !== undefined && { events: eventNames(parsed.events) }),
    ...(parsed.secret !== undefined && { secret: parsed.secret }),
    ...(parsed.paused !== undefined && { paused: parsed.paused }),
  };
  const { count } = await db().webhookEndpoint.updateMany({ where: { id: endpointId, deletedAt: null }, data });
  if (count === 0) throw notFound("That webhook");
  return view(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: endpointSelect }));
}

/**
 * Deleted for good as far as anyone can see: nothing more is sent, its
 * undelivered rows are dropped. The row itself stays (marked), so an event
 * being recorded at this very moment can still point a delivery at it
 * rather than fail the publish it belongs to.
 */
export async function deleteWebhook(viewer: Viewer, endpointId: string, now = new Date()) {
  assertAdmin(viewer);
  const deleted = await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, deletedAt: null }, data: { deletedAt: now, paused: true } });
    // One being sent right now is locked by its deliverer: skipped here rather than waited for; the deliverer's next claim passes over a deleted endpoint's rows.
    if (count === 1) {
      await tx.$executeRaw`DELETE FROM "WebhookDelivery" WHERE "id" IN (
        SELECT "id" FROM "WebhookDelivery" WHERE "endpointId" = ${endpointId} AND "deliveredAt" IS NULL FOR UPDATE SKIP LOCKED)`;
    }
    return count === 1;
  });
  if (!deleted) throw notFound("That webhook");
  return { deleted: true };
}

/** An endpoint an admin may act on (not deleted), for the deliveries list and the test ping. */
export async function liveEndpoint(viewer: Viewer, endpointId: string) {
  assertAdmin(viewer);
  const endpoint = await db().webhookEndpoint.findFirst({ where: { id: endpointId, deletedAt: null }, select: { id: true, url: true, secret: true } });
  if (!endpoint) throw notFound("That webhook");
  return endpoint;
}
