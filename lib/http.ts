import { tokenViewer } from "@/lib/auth/api-tokens";
import { requireViewer, type SignedInViewer } from "@/lib/auth/viewer";
import { appUrl } from "@/lib/env";
import { AppError, errorBody, forbidden } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/client";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const MAX_JSON_BYTES = 1_000_000;

/**
 * A browser always names the page's origin on a state-changing request; a
 * different one means a cross-site form or script riding a staff session.
 * Requests without Origin (curl, scripts, integrations) are not browsers
 * acting for someone else and pass.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null || SAFE_METHODS.has(request.method)) return;
  const allowed = new Set([new URL(request.url).origin, new URL(appUrl()).origin]);
  if (!allowed.has(origin)) throw forbidden("Cross-site requests are refused.");
}

export async function readJson(request: Request, { optional = false } = {}): Promise<unknown> {
  const text = await request.text();
  if (optional && text.trim() === "") return {};
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("TOO_LARGE", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

/** The JSON body as an object (the shape every staff endpoint takes); `optional`: no body at all is `{}`. */
export async function readJsonObject(request: Request, options: { optional?: boolean } = {}): Promise<Record<string, unknown>> {
  const body = await readJson(request, options);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("VALIDATION", "Send a JSON object.");
  return body as Record<string, unknown>;
}

export function errorResponse(error: unknown): Response {
  const { status, body } = errorBody(error);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error instanceof AppError && typeof error.details?.retryAfter === "number") headers["Retry-After"] = String(error.details.retryAfter);
  return Response.json(body, { status, headers });
}

interface StaffContext<P> {
  viewer: SignedInViewer;
  request: Request;
  params: P;
}

/** The bearer token of a request, or null when it sends none (a malformed Authorization header is a 401). */
function bearerToken(request: Request): string | null {
  const authorization = request.headers.get("authorization");
  if (!authorization) return null;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token) throw new AppError("UNAUTHENTICATED", "Send the API token as: Authorization: Bearer <token>.");
  return token;
}

const scopeRefused = (scope: ApiTokenScope) => forbidden(`This token's scope (${scope.toLowerCase()}) does not allow that.`);

/**
 * Who is asking: a bearer token (a machine, within its scope — `READ` on
 * GET routes, `INGEST` only where the route takes it, `SYNDICATION` never:
 * a partner's key opens the partners' feed and nothing of the newsroom), or
 * else the cookie session, whose state-changing requests must come from our own pages.
 */
async function routeViewer(request: Request, acceptsIngest: boolean): Promise<SignedInViewer> {
  const token = bearerToken(request);
  if (token === null) {
    assertSameOrigin(request);
    return requireViewer();
  }
  const { viewer, scope } = await tokenViewer(token);
  const allowed = scope === "INGEST" ? acceptsIngest : scope === "READ" && (request.method === "GET" || request.method === "HEAD");
  if (!allowed) throw scopeRefused(scope);
  return viewer;
}

/** A syndication partner: the token's own user (its name is the partner's) and the scope it was given. */
export interface PartnerCaller {
  viewer: SignedInViewer;
  scope: ApiTokenScope;
}

/**
 * The one wrapper for /api/v1/syndication: a bearer token and nothing else
 * (no cookie session, so no browser can be made to read it for someone).
 * The scope is checked again by the service (lib/syndication), which is the
 * check that counts; here a READ or INGEST token is turned away early.
 */
export function partnerRoute(handler: (context: { partner: PartnerCaller; request: Request }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const token = bearerToken(request);
      if (token === null) throw new AppError("UNAUTHENTICATED", "Send a syndication token as: Authorization: Bearer <token>.");
      const partner = await tokenViewer(token);
      if (partner.scope !== "SYNDICATION") throw scopeRefused(partner.scope);
      return await handler({ partner, request });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The one wrapper for /api/v1/newsroom: who is asking (session or token), one error mapper. */
export function staffRoute<P = Record<string, never>>(handler: (context: StaffContext<P>) => Promise<Response>, { ingest = false } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const viewer = await routeViewer(request, ingest);
      return await handler({ viewer, request, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
