import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/users";
import { mailResetLink, RESET_LIMITS } from "@/lib/users/recovery";
import { freshDatabase, type TestDatabase } from "../support/database";
import { makeUser } from "../support/factories";
import { mailServer, type ReceivedMail } from "../support/smtp";

/** "Forgot password?" under load: the caps hold when requests race (issue #22, item 7). */
let received: ReceivedMail[];
let database: TestDatabase;

beforeAll(async () => {
  ({ received } = await mailServer());
  database = await freshDatabase({ asAppDatabase: true });
});

const resetLinks = (userId: string) => database.db.accountLink.count({ where: { userId, purpose: "PASSWORD_RESET" } });
const mailsTo = (email: string) => received.filter((mail) => mail.to.includes(email)).length;
const answer = (promise: Promise<unknown>) =>
  promise.then(
    (value) => JSON.stringify(value),
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("the per-account cap", () => {
  it("issues at most the cap when twenty requests for one account arrive at once", async () => {
    const person = await makeUser(database.db, "REPORTER");
    const results = await Promise.all(Array.from({ length: 20 }, () => mailResetLink(person.email)));
    expect(results.filter(Boolean)).toHaveLength(RESET_LIMITS.perAccount.limit);
    expect(await resetLinks(person.id)).toBe(RESET_LIMITS.perAccount.limit);
    expect(mailsTo(person.email)).toBe(RESET_LIMITS.perAccount.limit);
  });

  it("holds through the form's own path too: twenty posts from twenty addresses", async () => {
    const person = await makeUser(database.db, "EDITOR");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => requestPasswordReset({ email: person.email }, `198.51.100.${i + 1}`)));
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ canMail: true })));
    await expect.poll(() => mailsTo(person.email)).toBe(RESET_LIMITS.perAccount.limit);
    // The links are issued after the answer: give any stragglers time to show up before counting the rows.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await resetLinks(person.id)).toBe(RESET_LIMITS.perAccount.limit);
    expect(mailsTo(person.email)).toBe(RESET_LIMITS.perAccount.limit);
  });
});

describe("the per-address limit", () => {
  it("tells an address that asks too often to wait, alike for known and unknown accounts, and counts only what it honoured", async () => {
    const person = await makeUser(database.db, "REPORTER");
    const address = "203.0.113.77";
    for (let i = 0; i < RESET_LIMITS.perAddress.limit; i++) {
      expect(await answer(requestPasswordReset({ email: `nobody-${i}@test.invalid` }, address))).toBe(JSON.stringify({ canMail: true }));
    }
    const known = await requestPasswordReset({ email: person.email }, address).catch((error: unknown) => error);
    const unknown = await requestPasswordReset({ email: "nobody-else@test.invalid" }, address).catch((error: unknown) => error);
    expect(known).toBeInstanceOf(AppError);
    expect(known).toMatchObject({ code: "RATE_LIMITED" });
    expect((known as AppError).message).toBe((unknown as AppError).message);
    expect(await database.db.authThrottle.findUnique({ where: { key: `reset-ip:${address}` } })).toMatchObject({ failures: RESET_LIMITS.perAddress.limit });
    expect(await resetLinks(person.id)).toBe(0);
    // Another address is not held up.
    expect(await answer(requestPasswordReset({ email: person.email }, "203.0.113.78"))).toBe(JSON.stringify({ canMail: true }));
    await expect.poll(() => resetLinks(person.id)).toBe(1);
  });

  it("honours exactly the limit when twenty posts from one address arrive at once", async () => {
    const address = "203.0.113.99";
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => answer(requestPasswordReset({ email: `racer-${i}@test.invalid` }, address))));
    expect(answers.filter((value) => value === "RATE_LIMITED")).toHaveLength(20 - RESET_LIMITS.perAddress.limit);
    expect(await database.db.authThrottle.findUnique({ where: { key: `reset-ip:${address}` } })).toMatchObject({ failures: RESET_LIMITS.perAddress.limit });
  });

  it("starts afresh once the hour is over", async () => {
    const address = "203.0.113.120";
    const start = new Date();
    for (let i = 0; i < RESET_LIMITS.perAddress.limit; i++) await requestPasswordReset({ email: `later-${i}@test.invalid` }, address, start);
    expect(await answer(requestPasswordReset({ email: "later@test.invalid" }, address, start))).toBe("RATE_LIMITED");
    const later = new Date(start.getTime() + RESET_LIMITS.perAddress.windowMs + 1000);
    expect(await answer(requestPasswordReset({ email: "later@test.invalid" }, address, later))).toBe(JSON.stringify({ canMail: true }));
  });
});
