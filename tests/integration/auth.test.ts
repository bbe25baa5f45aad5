import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/authenticate";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
import { EDGE_HEADER, installEdgeStamp } from "@/lib/auth/edge-stamp.js";
import { ACCOUNT_SLOWING, LIMITS } from "@/lib/auth/throttle";
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

  it("only slows one account guessed from many addresses: the right password from a fresh address gets in after a capped wait", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    // Two hundred addresses, twenty-five at a time: as many as the old ceiling, which locked the owner out.
    for (let batch = 0; batch < 8; batch++) {
      await Promise.all(Array.from({ length: 25 }, (_, i) => refusal(attempt(user.email, "guess", now, `10.1.${batch}.${i}`))));
    }
    expect(await count(`account:${user.email}`)).toBe(200);
    const waits: number[] = [];
    const owner = authenticate(database.db, { email: user.email, password: TEST_PASSWORD, address: "192.0.2.11" }, now, async (ms) => waits.push(ms));
    await expect(owner).resolves.toEqual({ id: user.id });
    expect(waits).toEqual([ACCOUNT_SLOWING.maxMs]);
  }, 120_000);

  it("slows an account a step at a time past its threshold, before the password is looked at", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    const waitsFor = async (address: string, password: string) => {
      const waits: number[] = [];
      await refusal(authenticate(database.db, { email: user.email, password, address }, now, async (ms) => ms > 0 && waits.push(ms)));
      return waits;
    };
    for (let i = 0; i < ACCOUNT_SLOWING.after - 1; i++) expect(await waitsFor(`10.2.0.${i}`, "guess")).toEqual([]);
    expect(await waitsFor("10.2.1.1", "guess")).toEqual([]); // the threshold's own attempt
    expect(await waitsFor("10.2.1.2", "guess")).toEqual([ACCOUNT_SLOWING.stepMs]);
    expect(await waitsFor("10.2.1.3", TEST_PASSWORD)).toEqual([2 * ACCOUNT_SLOWING.stepMs]);
  });

  it("does not let 200 wrong passwords from one address lock the account: refused attempts are not counted (issue #22)", async () => {
    const user = await makeUser(database.db, "EDITOR");
    const start = new Date();
    const answers: string[] = [];
    for (let i = 0; i < 200; i++) answers.push(await refusal(attempt(user.email, `guess ${i}`, new Date(start.getTime() + i * 200), "198.51.100.200")));
    expect(answers.filter((answer) => answer === "UNAUTHENTICATED")).toHaveLength(LIMITS.pair.limit);
    expect(answers.filter((answer) => answer === "RATE_LIMITED")).toHaveLength(200 - LIMITS.pair.limit);
    // Only the attempts checked against the password count, on every counter.
    expect(await count(`account:${user.email}`)).toBe(LIMITS.pair.limit);
    expect(await count(`pair:${user.email}|198.51.100.200`)).toBe(LIMITS.pair.limit);
    expect(await count("ip:198.51.100.200")).toBe(LIMITS.pair.limit);
    const after = new Date(start.getTime() + 40_000);
    await expect(attempt(user.email, TEST_PASSWORD, after, "192.0.2.99")).resolves.toEqual({ id: user.id });
    expect(await refusal(attempt(user.email, TEST_PASSWORD, after, "198.51.100.200"))).toBe("RATE_LIMITED");
  }, 120_000);

  it("limits one address trying many emails", async () => {
    const now = new Date();
    const address = "203.0.113.200";
    for (let i = 0; i < LIMITS.address.limit; i++) await refusal(attempt(`spray-${i}@test.invalid`, "guess", now, address));
    const user = await makeUser(database.db, "REPORTER");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, address))).toBe("RATE_LIMITED");
    expect(await refusal(attempt(user.email, TEST_PASSWORD, now, "203.0.113.201"))).toBe("signed in");
  });

  it("checks exactly the limit of fifty simultaneous wrong attempts, counts no more, and then refuses the right password", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 50 }, () => refusal(attempt(user.email, "wrong", now, "192.0.2.50"))));
    expect(await count(`pair:${user.email}|192.0.2.50`)).toBe(LIMITS.pair.limit);
    expect(await count(`account:${user.email}`)).toBe(LIMITS.pair.limit);
    expect(results.filter((result) => result === "UNAUTHENTICATED")).toHaveLength(LIMITS.pair.limit);
    expect(results.filter((result) => result === "RATE_LIMITED")).toHaveLength(50 - LIMITS.pair.limit);
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
  // As the server edge stamps a request (lib/auth/edge-stamp.js; without the stamp: tests/unit/client-address.test.ts).
  const stamp = installEdgeStamp();
  const headers = (peer: string | null, forwarded?: string) => (name: string) =>
    name === PEER_HEADER ? peer : name === EDGE_HEADER ? stamp : name === "x-forwarded-for" ? (forwarded ?? null) : null;

  it("is the connection's peer, and X-Forwarded-For counts only through trusted proxies", () => {
    expect(clientAddress(headers("203.0.113.5", "1.2.3.4"), [])).toBe("203.0.113.5");
    expect(clientAddress(headers("::ffff:127.0.0.1", "1.2.3.4, 198.51.100.9"), ["127.0.0.1"])).toBe("198.51.100.9");
    expect(clientAddress(headers("127.0.0.1", "1.2.3.4, 10.0.0.2, 198.51.100.9"), ["127.0.0.1", "198.51.100.9"])).toBe("10.0.0.2");
    expect(clientAddress(headers("127.0.0.1"), ["127.0.0.1"])).toBe("127.0.0.1");
    expect(clientAddress(headers(null, "1.2.3.4"), [])).toBe("unknown");
  });
});
