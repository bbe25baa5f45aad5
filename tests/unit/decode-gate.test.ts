import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createDecodeGate } from "@/lib/media/image";

/** Work that runs until the test lets it finish. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: vi.fn(() => done) };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe("the decode gate", () => {
  it("runs one at a time, in order; past the queue it answers 503 with Retry-After at once", async () => {
    const gate = createDecodeGate({ atOnce: 1, waiting: 2, waitMs: 60_000 });
    const [a, b, c] = [held(), held(), held()];
    const runs = [gate.run(a.work), gate.run(b.work), gate.run(c.work)];
    const refused = await gate.run(async () => "never").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).status, (refused as AppError).details?.retryAfter]).toEqual([503, 5]);

    await settle();
    expect([a.work, b.work, c.work].map((work) => work.mock.calls.length)).toEqual([1, 0, 0]);
    a.finish();
    await settle();
    expect([b.work, c.work].map((work) => work.mock.calls.length)).toEqual([1, 0]);
    b.finish();
    await settle();
    expect(c.work).toHaveBeenCalledTimes(1);
    c.finish();
    await Promise.all(runs);
    // All slots are free again.
    expect(await gate.run(async () => "ran")).toBe("ran");
  });

  it("a waiter that waited too long gets 503 and gives up its place; a failed decode frees the slot", async () => {
    vi.useFakeTimers();
    const gate = createDecodeGate({ atOnce: 1, waiting: 1, waitMs: 1_000 });
    const a = held();
    const first = gate.run(a.work);
    const late = gate.run(async () => "late").catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(((await late) as AppError).status).toBe(503);
    const next = held();
    const queued = gate.run(next.work); // the place in the queue is free again
    a.finish();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(next.work).toHaveBeenCalledTimes(1);
    next.finish();
    await queued;
    await expect(gate.run(() => Promise.reject(new Error("decode failed")))).rejects.toThrow("decode failed");
    expect(await gate.run(async () => "free")).toBe("free");
  });
});
