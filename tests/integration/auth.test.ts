import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/authenticate";
import { THROTTLE } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { freshDatabase, type TestDatabase } from "../support/database";
import { makeUser, TEST_PASSWORD } from "../support/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});

const noPause = async () => {};
const attempt = (email: string, password: string, now: Date, address = "203.0.113.7") =>
  authenticate(database.db, { email, password, address }, now, noPause);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed in",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("signing in", () => {
  it("accepts the right password, whatever the email's case", async () => {
    const user = await makeUser(database.db, "REPORTER");
    await expect(attempt(user.email.toUpperCase(), TEST_PASSWORD, new Date())).resolves.toEqual({ id: user.id });
  });

  it("gives a wrong password, an unknown email and a disabled account the same answer", async () => {
    const user = await makeUser(database.db, "EDITOR");
    const disabled = await makeUser(database.db, "EDITOR", { disabled: true });
    for (const [email, password] of [[user.email, "wrong password"], ["nobody@test.invalid", TEST_PASSWORD], [disabled.email, TEST_PASSWORD]]) {
      await expect(attempt(email!, password!, new Date())).rejects.toThrow(WRONG_CREDENTIALS);
    }
  });

  it("refuses the 11th attempt within a minute even with the right password, and recovers after the window", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const start = new Date();
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      expect(await refusal(attempt(user.email, `wrong ${i}`, new Date(start.getTime() + i * 1000), `198.51.100.${i}`))).toBe("UNAUTHENTICATED");
    }
    const eleventh = new Date(start.getTime() + 15_000);
    expect(await refusal(attempt(user.email, TEST_PASSWORD, eleventh, "192.0.2.99"))).toBe("RATE_LIMITED");
    const row = await database.db.authThrottle.findUniqueOrThrow({ where: { key: `email:${user.email}` } });
    expect(row.failures).toBe(THROTTLE.emailLimit);

    const afterWindow = new Date(row.lockedUntil!.getTime() + 1000);
    await expect(attempt(user.email, TEST_PASSWORD, afterWindow)).resolves.toMatchObject({ id: user.id });
    expect(await database.db.authThrottle.findUnique({ where: { key: `email:${user.email}` } })).toBeNull();
  });

  it("starts counting afresh once a window has passed without reaching the limit", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const start = new Date();
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) await refusal(attempt(user.email, "wrong", start));
    const later = new Date(start.getTime() + THROTTLE.windowMs + 1);
    expect(await refusal(attempt(user.email, "wrong", later))).toBe("UNAUTHENTICATED");
    expect((await database.db.authThrottle.findUniqueOrThrow({ where: { key: `email:${user.email}` } })).failures).toBe(1);
  });

  it("limits one address trying many emails", async () => {
    const now = new Date();
    const address = "203.0.113.200";
    for (let i = 0; i < THROTTLE.addressLimit; i++) await refusal(attempt(`spray-${i}@test.invalid`, "guess", now, address));
    const user = await makeUser(database.db, "REPORTER");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, address))).toBe("RATE_LIMITED");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "203.0.113.201"))).toBe("signed in");
  });

  it("counts every one of many simultaneous failures", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    await Promise.all(Array.from({ length: 8 }, (_, i) => refusal(attempt(user.email, "wrong", now, `192.0.2.${i}`))));
    expect((await database.db.authThrottle.findUniqueOrThrow({ where: { key: `email:${user.email}` } })).failures).toBe(8);
  });
});
