import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "@/lib/articles";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionLifetimes, sessionUser, startSession } from "@/lib/auth/sessions";
import { LIMITS, LONGEST_WINDOW_MS } from "@/lib/auth/throttle";
import { sweepExpired } from "@/lib/jobs/sweep";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser, TEST_PASSWORD } from "../support/factories";

/**
 * Expired rows go (issue #22, item 7): lapsed sessions, spent throttle
 * counters and expired share links — and nothing that still counts.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
});

const device = { userAgent: "Mozilla/5.0 (sweep test)", address: "203.0.113.9" };
const minutes = (n: number) => n * 60_000;

describe("the sweep", () => {
  it("removes lapsed sessions, idle or past their absolute end, and keeps those that still count", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const { idleMs, maxMs } = sessionLifetimes();
    const now = new Date();
    const idle = await startSession(user.id, device, new Date(now.getTime() - idleMs - minutes(1)));
    const old = await startSession(user.id, device, new Date(now.getTime() - maxMs - minutes(1)));
    await database.db.session.updateMany({ where: { createdAt: { lt: new Date(now.getTime() - maxMs) } }, data: { lastSeenAt: new Date(now.getTime() - minutes(5)) } });
    const live = await startSession(user.id, device, new Date(now.getTime() - idleMs + minutes(5)));
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(3);

    const swept = await sweepExpired(now);
    expect(swept.sessions).toBeGreaterThanOrEqual(2);
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await sessionUser(live, now)).toMatchObject({ id: user.id });
    expect(await sessionUser(idle, now)).toBeNull();
    expect(await sessionUser(old, now)).toBeNull();
  });

  it("forgets spent sign-in and reset counters, and keeps a lock still running and a window still open", async () => {
    const now = new Date();
    const id = randomUUID();
    const spent = new Date(now.getTime() - LONGEST_WINDOW_MS - minutes(1));
    await database.db.authThrottle.createMany({
      data: [
        { key: `ip:spent-${id}`, failures: 12, windowStart: spent },
        { key: `reset-ip:spent-${id}`, failures: 10, windowStart: spent, lockedUntil: new Date(now.getTime() - minutes(30)) },
        { key: `account:locked-${id}`, failures: 3, windowStart: spent, lockedUntil: new Date(now.getTime() + minutes(1)) },
        { key: `reset-ip:open-${id}`, failures: 4, windowStart: new Date(now.getTime() - minutes(59)) },
      ],
    });
    await sweepExpired(now);
    const left = await database.db.authThrottle.findMany({ where: { key: { contains: id } }, select: { key: true } });
    expect(left.map((row) => row.key).sort()).toEqual([`account:locked-${id}`, `reset-ip:open-${id}`]);
  });

  it("leaves a live sign-in limit working", async () => {
    const user = await makeUser(database.db, "EDITOR");
    const now = new Date();
    const address = "198.51.100.44";
    for (let i = 0; i < LIMITS.pair.limit; i++) await authenticate(database.db, { email: user.email, password: "wrong", address }, now, async () => {}).catch(() => null);
    await sweepExpired(now);
    const refused = await authenticate(database.db, { email: user.email, password: TEST_PASSWORD, address }, now, async () => {}).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("removes expired share links and keeps working ones", async () => {
    const reporter = asViewer(await makeUser(database.db, "REPORTER"));
    const article = await createDraft(reporter, { headline: `Sweep ${randomUUID()}` });
    const now = new Date();
    const link = (expiresAt: Date) =>
      database.db.articlePreview.create({ data: { articleId: article.id, tokenHash: randomUUID(), expiresAt, createdById: reporter.id, createdAt: new Date(now.getTime() - minutes(120)) } });
    const expired = await link(new Date(now.getTime() - minutes(1)));
    const working = await link(new Date(now.getTime() + minutes(60)));

    const swept = await sweepExpired(now);
    expect(swept.shareLinks).toBeGreaterThanOrEqual(1);
    const left = await database.db.articlePreview.findMany({ where: { articleId: article.id }, select: { id: true } });
    expect(left.map((row) => row.id)).toEqual([working.id]);
    expect(left.map((row) => row.id)).not.toContain(expired.id);
  });
});
