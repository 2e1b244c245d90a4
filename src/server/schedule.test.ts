// The background-job timer: no overlapping runs, a failure is logged and the
// next tick runs again, stop() ends it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runEvery } from "./schedule";

describe("runEvery", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("skips a tick while the previous run is still going, and stops", async () => {
    let started = 0;
    let finish!: () => void;
    const handle = runEvery(1000, () => {
      started += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    }, { firstRunMs: 100, name: "test" });
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // three ticks while the first run hangs
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    handle.stop();
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toBe(2);
  });

  it("logs a failed run under its name and runs again on the next tick", async () => {
    const log = { error: vi.fn() };
    let calls = 0;
    const handle = runEvery(1000, async () => {
      calls += 1;
      if (calls === 1) throw new Error("database down");
    }, { name: "quality", log });
    await vi.advanceTimersByTimeAsync(1000);
    expect(log.error).toHaveBeenCalledWith("[quality] scheduled run failed", expect.any(Error));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    expect(log.error).toHaveBeenCalledTimes(1);
    handle.stop();
  });
});
