import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/client";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { lenientEnum, parseInput } from "@/lib/validation";
import type { SignedInViewer } from "./viewer";

/**
 * Keys for machines: a wire feed ingesting copy (`INGEST`), a tool reading
 * the staff API's GET routes (`READ`), a syndication partner reading the
 * partners' feed and nothing else (`SYNDICATION`). A token is shown once and stored as
 * its sha-256; it acts as a user of its own ("Wire: AP"), so what it does
 * shows in the history like anyone's. That user never signs in, gets no
 * notifications and is on no staff list.
 */
export const TOKEN_PREFIX = "cdk_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const CreateTokenInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(60, "must be at most 60 characters"),
    scope: lenientEnum(["INGEST", "READ", "SYNDICATION"], { error: "must be INGEST, READ or SYNDICATION" }),
  })
  .strict();

/**
 * A machine reading the staff API sees what an editor sees; one ingesting writes drafts like a reporter. A
 * syndication partner's user gets the least role there is, REPORTER, and no rights come of it: lib/http.ts
 * refuses a SYNDICATION token on every staff route before any role is asked, the syndication route takes
 * that scope alone, and the user has no password, so it never signs in.
 */
const ROLE_OF_SCOPE = { INGEST: "REPORTER", READ: "EDITOR", SYNDICATION: "REPORTER" } as const satisfies Record<ApiTokenScope, string>;

const TOKEN_USER_PREFIX = "Wire: ";
export const tokenUserName = (name: string) => `${TOKEN_USER_PREFIX}${name}`;
/** The name a token was given, from its user's ("Wire: AP" → "AP"). */
export const tokenNameOf = (userName: string) => (userName.startsWith(TOKEN_USER_PREFIX) ? userName.slice(TOKEN_USER_PREFIX.length) : userName);

export async function createApiToken(viewer: Viewer, input: unknown) {
  if (viewer.kind !== "staff" || !mayManageUsers(viewer)) throw forbidden();
  const { name, scope } = parseInput(CreateTokenInput, input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: tokenUserName(name), email: `token-${randomBytes(8).toString("hex")}@tokens.copydesk.invalid`, role: ROLE_OF_SCOPE[scope], machine: true },
    });
    return tx.apiToken.create({ data: { name, scope, tokenHash: hashToken(token), userId: user.id, createdById: viewer.id }, select: tokenSelect });
  });
  return { token, apiToken: created };
}

const tokenSelect = { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } } as const;

export async function listApiTokens(viewer: Viewer) {
  if (!mayManageUsers(viewer)) throw forbidden();
  return db().apiToken.findMany({ orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }], select: tokenSelect });
}

/** Revoked at once, for every request after; its user stays, so the history it wrote keeps its name. */
export async function revokeApiToken(viewer: Viewer, tokenId: string, now = new Date()) {
  if (!mayManageUsers(viewer)) throw forbidden();
  const { count } = await db().apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0 && !(await db().apiToken.findUnique({ where: { id: tokenId } }))) throw notFound("That token");
  return { revoked: count === 1 };
}

/** Last use is written at most once a minute per token: a busy feed should not write a row per request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** The viewer and scope a bearer token stands for, or 401 for an unknown or revoked one. */
export async function tokenViewer(token: string, now = new Date()): Promise<{ viewer: SignedInViewer; scope: ApiTokenScope }> {
  const found = token.startsWith(TOKEN_PREFIX) ? await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } }) : null;
  if (!found || found.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token is not valid (unknown or revoked).");
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const { user } = found;
  return { viewer: { kind: "staff", id: user.id, role: user.role, name: user.name, email: user.email, machine: true }, scope: found.scope };
}
