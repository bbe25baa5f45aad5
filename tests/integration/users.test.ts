import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { changePassword, createUser, issuePasswordReset, listUsers, openAccountLink, reissueInvitation, spendAccountLink, updateUser } from "@/lib/users";
import { ACCOUNT_LINKS } from "@/lib/users/account-links";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser, TEST_PASSWORD } from "../support/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`),
  );
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const everything = () => database.db.user.findMany({ orderBy: { id: "asc" } });
const signedIn = (userId: string) => startSession(userId, { userAgent: "test", address: "127.0.0.1" });

describe("user management is for admins only", () => {
  for (const role of ["REPORTER", "EDITOR"] as const) {
    it(`refuses a ${role.toLowerCase()} every operation and changes nothing`, async () => {
      const actor = asViewer(await makeUser(database.db, role));
      const target = await makeUser(database.db, "REPORTER");
      const before = await everything();
      expect(await codeOf(listUsers(actor))).toBe("FORBIDDEN");
      expect(await codeOf(createUser(actor, { name: "New", email: "new-by-non-admin@test.invalid", role: "ADMIN" }))).toBe("FORBIDDEN");
      expect(await codeOf(updateUser(actor, target.id, { role: "ADMIN" }))).toBe("FORBIDDEN");
      expect(await codeOf(updateUser(actor, target.id, { disabled: true }))).toBe("FORBIDDEN");
      expect(await codeOf(updateUser(actor, actor.id, { role: "ADMIN" }))).toBe("FORBIDDEN");
      expect(await everything()).toEqual(before);
      expect(await database.db.accountLink.count({ where: { user: { email: "new-by-non-admin@test.invalid" } } })).toBe(0);
    });
  }

  it("lets an admin list everyone, without password hashes", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const users = await listUsers(admin);
    expect(users.length).toBe(await database.db.user.count());
    expect(JSON.stringify(users)).not.toContain("argon2");
  });
});

describe("account recovery", () => {
  it("re-issues an invitation: the new link works, the old one no longer does", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const { invitationUrl: lost, user } = await createUser(admin, { name: "Lost Link", email: "lost.link@test.invalid", role: "REPORTER" });
    const again = await reissueInvitation(admin, user.id);
    expect(again).toMatchObject({ name: "Lost Link", emailed: false });
    expect(await openAccountLink("INVITATION", tokenOf(lost))).toBeNull();
    expect(await codeOf(spendAccountLink("INVITATION", { token: tokenOf(lost), password: "the old link's password" }))).toBe("NOT_FOUND");
    await spendAccountLink("INVITATION", { token: tokenOf(again.url), password: "the new link's password" });
    expect(await verifyPassword((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, "the new link's password")).toBe(true);
    // Having chosen a password, they need a reset, not an invitation.
    expect(await codeOf(reissueInvitation(admin, user.id))).toBe("VALIDATION");
  });

  it("issues a reset link that sets a new password once and ends every session the person had", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const person = await makeUser(database.db, "REPORTER");
    const session = await signedIn(person.id);
    expect(await viewerFromSession(session)).not.toBeNull();
    const reset = await issuePasswordReset(admin, person.id);
    expect(reset.url).toMatch(/^http:\/\/localhost:3000\/login\/reset\/[\w-]{40,}$/);
    // A reset link is not an invitation link, and the other way round.
    expect(await codeOf(spendAccountLink("INVITATION", { token: tokenOf(reset.url), password: "a password through the wrong door" }))).toBe("NOT_FOUND");
    expect(await spendAccountLink("PASSWORD_RESET", { token: tokenOf(reset.url), password: "a recovered password" })).toEqual({ email: person.email });
    const after = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(after.passwordHash!, "a recovered password")).toBe(true);
    expect(await viewerFromSession(session)).toBeNull();
    expect(await codeOf(spendAccountLink("PASSWORD_RESET", { token: tokenOf(reset.url), password: "and once more" }))).toBe("NOT_FOUND");
    expect(await codeOf(issuePasswordReset(asViewer(await makeUser(database.db, "EDITOR")), person.id))).toBe("FORBIDDEN");
  });

  it("lets a reset link expire and be replaced, and refuses disabled accounts", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const person = await makeUser(database.db, "EDITOR");
    const first = await issuePasswordReset(admin, person.id);
    const later = new Date(Date.now() + ACCOUNT_LINKS.PASSWORD_RESET.ttlMs + 1000);
    expect(await openAccountLink("PASSWORD_RESET", tokenOf(first.url), later)).toBeNull();
    const second = await issuePasswordReset(admin, person.id);
    expect(await openAccountLink("PASSWORD_RESET", tokenOf(first.url))).toBeNull();
    expect(await openAccountLink("PASSWORD_RESET", tokenOf(second.url))).toMatchObject({ email: person.email });
    await updateUser(admin, person.id, { disabled: true });
    expect(await openAccountLink("PASSWORD_RESET", tokenOf(second.url))).toBeNull();
    expect(await codeOf(issuePasswordReset(admin, person.id))).toBe("VALIDATION");
  });
});

describe("inviting a new user", () => {
  it("creates them without a password and a link that works once", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const created = await createUser(admin, { name: "Lea Fontaine", email: "  Lea.Fontaine@Test.Invalid ", role: "REPORTER" });
    expect(created.user).toMatchObject({ email: "lea.fontaine@test.invalid", role: "REPORTER", activated: false });
    expect(created.emailed).toBe(false);
    expect(created.invitationUrl).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{40,}$/);
    const token = tokenOf(created.invitationUrl);
    expect(await database.db.accountLink.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    expect(await openAccountLink("INVITATION", token)).toEqual({ name: "Lea Fontaine", email: "lea.fontaine@test.invalid" });
    await spendAccountLink("INVITATION", { token, password: "a brand new password" });
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "lea.fontaine@test.invalid" } });
    expect(await verifyPassword(user.passwordHash!, "a brand new password")).toBe(true);

    expect(await openAccountLink("INVITATION", token)).toBeNull();
    expect(await codeOf(spendAccountLink("INVITATION", { token, password: "a second password" }))).toBe("NOT_FOUND");
    const after = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, "a brand new password")).toBe(true);
  });

  it("lets a link expire", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const { invitationUrl, user } = await createUser(admin, { name: "Late Comer", email: "late@test.invalid", role: "EDITOR" });
    const later = new Date(Date.now() + ACCOUNT_LINKS.INVITATION.ttlMs + 1000);
    expect(await openAccountLink("INVITATION", tokenOf(invitationUrl), later)).toBeNull();
    expect(await codeOf(spendAccountLink("INVITATION", { token: tokenOf(invitationUrl), password: "too late, sadly" }, later))).toBe("NOT_FOUND");
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("refuses bad input, a taken email and fields it does not take, creating nothing", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const existing = await makeUser(database.db, "REPORTER");
    const before = await database.db.user.count();
    const refused = async (input: unknown) => createUser(admin, input).then(() => undefined, (error: AppError) => [error.code, error.details?.field]);
    expect(await refused({ name: "X", email: "not-an-email", role: "REPORTER" })).toEqual(["VALIDATION", "email"]);
    expect(await refused({ name: "", email: "x@test.invalid", role: "REPORTER" })).toEqual(["VALIDATION", "name"]);
    expect(await refused({ name: "X", email: "x@test.invalid", role: "OWNER" })).toEqual(["VALIDATION", "role"]);
    expect(await refused({ name: "X", email: "x@test.invalid", role: "ADMIN", passwordHash: "mine" })).toEqual(["VALIDATION", "passwordHash"]);
    expect(await refused({ name: "X", email: existing.email.toUpperCase(), role: "REPORTER" })).toEqual(["CONFLICT", "email"]);
    expect(await database.db.user.count()).toBe(before);
  });
});

describe("changing roles and disabling", () => {
  it("takes effect on the very next request of that user", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const reporter = await makeUser(database.db, "REPORTER");
    const session = await signedIn(reporter.id);
    expect(await viewerFromSession(session)).toMatchObject({ role: "REPORTER" });

    await updateUser(admin, reporter.id, { role: "EDITOR" });
    expect(await viewerFromSession(session)).toMatchObject({ role: "EDITOR" }); // same session, new rights

    await updateUser(admin, reporter.id, { disabled: true });
    expect(await viewerFromSession(session)).toBeNull();
    await updateUser(admin, reporter.id, { disabled: false });
    expect(await viewerFromSession(session)).toBeNull(); // re-enabling does not revive old sessions
    expect(await viewerFromSession(await signedIn(reporter.id))).toMatchObject({ role: "EDITOR" });
  });

  it("never leaves the newsroom without an active admin", async () => {
    const { db } = database;
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const only = await makeUser(db, "ADMIN");
    const before = await db.user.findUniqueOrThrow({ where: { id: only.id } });
    expect(await codeOf(updateUser(asViewer(only), only.id, { role: "EDITOR" }))).toBe("CONFLICT");
    expect(await codeOf(updateUser(asViewer(only), only.id, { disabled: true }))).toBe("CONFLICT");
    expect(await db.user.findUniqueOrThrow({ where: { id: only.id } })).toEqual(before);

    const second = await makeUser(db, "ADMIN");
    const results = await Promise.all([
      codeOf(updateUser(asViewer(only), second.id, { role: "REPORTER" })),
      codeOf(updateUser(asViewer(second), only.id, { role: "REPORTER" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
  });

  it("refuses unknown users and empty or unknown changes", async () => {
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const target = await makeUser(database.db, "REPORTER");
    expect(await codeOf(updateUser(admin, "no-such-user", { role: "EDITOR" }))).toBe("NOT_FOUND");
    expect(await codeOf(updateUser(admin, target.id, {}))).toBe("VALIDATION");
    expect(await codeOf(updateUser(admin, target.id, { disabled: "yes" }))).toBe("VALIDATION");
    expect(await codeOf(updateUser(admin, target.id, { passwordHash: "mine" }))).toBe("VALIDATION");
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
  });
});

describe("changing one's own password", () => {
  it("needs the current password and then ends every session", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const me = asViewer(user);
    const session = await signedIn(user.id);
    expect(await codeOf(changePassword(me, { currentPassword: "not it", newPassword: "a fresh long password" }, "203.0.113.9"))).toBe("VALIDATION");
    expect(await codeOf(changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: "short" }, "203.0.113.9"))).toBe("VALIDATION");
    expect(await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);

    await changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: "a fresh long password" }, "203.0.113.9");
    const after = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, "a fresh long password")).toBe(true);
    expect(await viewerFromSession(session)).toBeNull();
  });
});
