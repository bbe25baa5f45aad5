import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/authenticate";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
import { LIMITS } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { changePassword } from "@/lib/users";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser, TEST_PASSWORD } from "../support/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
});

const noPause = async () => {};
const attempt = (email: string, password: string, now: Date, address = "203.0.113.7") =>
  authenticate(database.db, { email, password, address }, now, noPause);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed in",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
const count = async (key: string) => (await database.db.authThrottle.findUnique({ where: { key } }))?.failures ?? 0;

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

  it("refuses the 11th attempt from one address even with the right password, says how long to wait, and recovers", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const start = new Date();
    for (let i = 0; i < LIMITS.pair.limit; i++) {
      expect(await refusal(attempt(user.email, `wrong ${i}`, new Date(start.getTime() + i * 1000)))).toBe("UNAUTHENTICATED");
    }
    const eleventh = new Date(start.getTime() + 15_000);
    const refused = await attempt(user.email, TEST_PASSWORD, eleventh).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", details: { retryAfter: LIMITS.pair.lockMs / 1000 } });
    expect((refused as Error).message).toBe(`Too many failed attempts. Try again in ${LIMITS.pair.lockMs / 1000} seconds.`);

    await expect(attempt(user.email, TEST_PASSWORD, new Date(eleventh.getTime() + LIMITS.pair.lockMs + 1000))).resolves.toMatchObject({ id: user.id });
    expect(await count(`pair:${user.email}|203.0.113.7`)).toBe(0);
  });

  it("does not let ten wrong passwords from elsewhere lock the owner out", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    for (let i = 0; i < LIMITS.pair.limit + 5; i++) await refusal(attempt(user.email, "guess", now, "198.51.100.66"));
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "198.51.100.66"))).toBe("RATE_LIMITED");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "192.0.2.10"))).toBe("signed in");
  });

  it("still has a ceiling for one account guessed from many addresses", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    for (let i = 0; i < LIMITS.account.limit; i++) await refusal(attempt(user.email, "guess", now, `10.1.${Math.floor(i / 200)}.${i % 200}`));
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "192.0.2.11"))).toBe("RATE_LIMITED");
  });

  it("limits one address trying many emails", async () => {
    const now = new Date();
    const address = "203.0.113.200";
    for (let i = 0; i < LIMITS.address.limit; i++) await refusal(attempt(`spray-${i}@test.invalid`, "guess", now, address));
    const user = await makeUser(database.db, "REPORTER");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, address))).toBe("RATE_LIMITED");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "203.0.113.201"))).toBe("signed in");
  });

  it("counts every one of fifty simultaneous wrong attempts, and then refuses the right password", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 50 }, () => refusal(attempt(user.email, "wrong", now, "192.0.2.50"))));
    expect(await count(`pair:${user.email}|192.0.2.50`)).toBe(50);
    expect(results.filter((result) => result === "UNAUTHENTICATED")).toHaveLength(LIMITS.pair.limit);
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "192.0.2.50"))).toBe("RATE_LIMITED");
  });

  it("puts the Account page's current-password check under the same limits", async () => {
    const user = await makeUser(database.db, "EDITOR");
    const me = asViewer(user);
    for (let i = 0; i < LIMITS.pair.limit; i++) {
      expect(await refusal(changePassword(me, { currentPassword: `guess ${i}`, newPassword: "a new long password" }, "198.51.100.77"))).toBe("VALIDATION");
    }
    expect(await refusal(changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: "a new long password" }, "198.51.100.77"))).toBe("RATE_LIMITED");
  });
});

describe("the client's address", () => {
  const headers = (peer: string | null, forwarded?: string) => (name: string) => (name === PEER_HEADER ? peer : name === "x-forwarded-for" ? (forwarded ?? null) : null);

  it("is the connection's peer, and X-Forwarded-For counts only through trusted proxies", () => {
    expect(clientAddress(headers("203.0.113.5", "1.2.3.4"), [])).toBe("203.0.113.5");
    expect(clientAddress(headers("::ffff:127.0.0.1", "1.2.3.4, 198.51.100.9"), ["127.0.0.1"])).toBe("198.51.100.9");
    expect(clientAddress(headers("127.0.0.1", "1.2.3.4, 10.0.0.2, 198.51.100.9"), ["127.0.0.1", "198.51.100.9"])).toBe("10.0.0.2");
    expect(clientAddress(headers("127.0.0.1"), ["127.0.0.1"])).toBe("127.0.0.1");
    expect(clientAddress(headers(null, "1.2.3.4"), [])).toBe("unknown");
  });
});
