import { beforeAll, describe, expect, it } from "vitest";
import { endAllSessions, endSession, endSessionOf, listSessions, sessionLifetimes, sessionUser, startSession } from "@/lib/auth/sessions";
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

  it("lists sessions with a handle that is not the row id, marks the asker's own, and ends any one of them alone", async () => {
    const person = await makeUser(database.db, "REPORTER");
    const other = await makeUser(database.db, "REPORTER");
    const admin = asViewer(await makeUser(database.db, "ADMIN"));
    const laptop = await startSession(person.id, device);
    const phone = await startSession(person.id, { userAgent: "Phone", address: "198.51.100.2" });
    const theirs = await startSession(other.id, device);

    const listed = await listSessions(asViewer(person), person.id, { currentSecret: laptop });
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current).map((session) => session.userAgent)).toEqual([device.userAgent]);
    const rowIds = (await database.db.session.findMany({ where: { userId: person.id } })).map((row) => row.id);
    for (const session of listed) {
      expect(session.handle).toMatch(/^[\w-]{22}$/);
      expect(rowIds).not.toContain(session.handle);
    }
    // Someone else's page marks none of them.
    expect((await listSessions(admin, person.id, { currentSecret: "not-theirs" })).some((session) => session.current)).toBe(false);

    // Nobody but the person and admins; a handle names a session of that person only.
    const phoneHandle = listed.find((session) => !session.current)!.handle;
    expect(await code(endSessionOf(asViewer(other), person.id, phoneHandle))).toBe("FORBIDDEN");
    expect(await code(endSessionOf(asViewer(other), other.id, phoneHandle))).toBe("NOT_FOUND");
    expect(await code(endSessionOf(asViewer(person), person.id, "../../etc"))).toBe("VALIDATION");
    expect(await viewerFromSession(phone)).not.toBeNull();

    // Ending the phone's from the laptop: only the phone is out, and it was not the asker's own.
    expect(await endSessionOf(asViewer(person), person.id, phoneHandle, laptop)).toEqual({ current: false });
    expect(await viewerFromSession(phone)).toBeNull();
    expect(await viewerFromSession(laptop)).toMatchObject({ id: person.id });
    expect(await viewerFromSession(theirs)).toMatchObject({ id: other.id });
    expect(await code(endSessionOf(asViewer(person), person.id, phoneHandle, laptop))).toBe("NOT_FOUND");

    // Ending one's own says so (the page then signs out); an admin may end anyone's.
    const [own] = await listSessions(asViewer(person), person.id, { currentSecret: laptop });
    expect(await endSessionOf(asViewer(person), person.id, own!.handle, laptop)).toEqual({ current: true });
    expect(await viewerFromSession(laptop)).toBeNull();
    const [otherSession] = await listSessions(admin, other.id);
    expect(await endSessionOf(admin, other.id, otherSession!.handle)).toEqual({ current: false });
    expect(await viewerFromSession(theirs)).toBeNull();
  });
});
