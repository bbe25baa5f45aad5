import { beforeAll, describe, expect, it } from "vitest";
import { endAllSessions, endSession, listSessions, sessionLifetimes, sessionUser, startSession } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
});

const device = { userAgent: "Mozilla/5.0 (test)", address: "203.0.113.7" };
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
const hours = (n: number) => n * 60 * 60 * 1000;

describe("sessions that end", () => {
  it("ends one session on sign-out, for every copy of its cookie, and leaves the person's others", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const [laptop, phone] = [await startSession(user.id, device), await startSession(user.id, device)];
    expect(await database.db.session.count({ where: { id: laptop } })).toBe(0); // only the hash is stored
    await endSession(laptop);
    expect(await viewerFromSession(laptop)).toBeNull();
    expect(await viewerFromSession(phone)).toMatchObject({ id: user.id });
  });

  it("lapses after the idle lifetime without use, and after the absolute one however active", async () => {
    const user = await makeUser(database.db, "REPORTER");
    const { idleMs, maxMs } = sessionLifetimes();
    expect([idleMs, maxMs]).toEqual([hours(12), hours(7 * 24)]);
    const start = new Date();
    const idle = await startSession(user.id, device, start);
    expect(await sessionUser(idle, new Date(start.getTime() + idleMs - 1000))).toMatchObject({ id: user.id });
    // Used just now, so idle counts from here.
    expect(await sessionUser(idle, new Date(start.getTime() + 2 * idleMs - 2000))).toMatchObject({ id: user.id });
    expect(await sessionUser(idle, new Date(start.getTime() + 3 * idleMs))).toBeNull();
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0); // the lapsed row is gone

    const busy = await startSession(user.id, device, start);
    let now = start.getTime();
    while (now + idleMs / 2 < start.getTime() + maxMs) {
      now += idleMs / 2;
      expect(await sessionUser(busy, new Date(now))).toMatchObject({ id: user.id });
    }
    expect(await sessionUser(busy, new Date(start.getTime() + maxMs))).toBeNull();
  });

  it("lets a person sign out everywhere, and an admin see and end anyone's sessions; nobody else", async () => {
    const person = await makeUser(database.db, "EDITOR");
    const other = asViewer(await makeUser(database.db, "EDITOR"));
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const sessions = [await startSession(person.id, device), await startSession(person.id, { userAgent: "Phone", address: "198.51.100.2" })];
    expect(await listSessions(asViewer(person), person.id)).toHaveLength(2);
    expect((await listSessions(admin, person.id)).map((session) => session.userAgent).sort()).toEqual(["Mozilla/5.0 (test)", "Phone"]);
    expect(await code(listSessions(other, person.id))).toBe("FORBIDDEN");
    expect(await code(endAllSessions(other, person.id))).toBe("FORBIDDEN");
    expect(await viewerFromSession(sessions[0]!)).not.toBeNull();

    expect(await endAllSessions(asViewer(person), person.id)).toBe(2);
    for (const session of sessions) expect(await viewerFromSession(session)).toBeNull();
    const again = await startSession(person.id, device);
    expect(await endAllSessions(admin, person.id)).toBe(1);
    expect(await viewerFromSession(again)).toBeNull();
  });
});
