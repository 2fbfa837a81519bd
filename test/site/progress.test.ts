import { describe, expect, it } from "vitest";
import { progress } from "../../src/progress.ts";

/** A stream that records what is written, and a clock the test moves. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written, clock: () => now, advance: (ms: number) => (now += ms) };
}

describe("the progress counter", () => {
  it("counts on one terminal line, redrawn at most every 100 ms after half a second, and clears it", () => {
    const t = terminal(true);
    const counter = progress("reading briefings", 1000, t.stream, t.clock);
    counter.tick(10);
    expect(t.written).toEqual([]);
    t.advance(600);
    counter.tick(330);
    counter.tick();
    t.advance(150);
    counter.tick(9);
    counter.done();
    expect(t.written).toEqual(["\r\x1b[K[dispatch] reading briefings 340/1,000", "\r\x1b[K[dispatch] reading briefings 350/1,000", "\r\x1b[K"]);
  });

  it("writes nothing when the output is not a terminal, or for a short step", () => {
    for (const [isTTY, total] of [[false, 5000], [true, 50]] as const) {
      const t = terminal(isTTY);
      const counter = progress("reading briefings", total, t.stream, t.clock);
      t.advance(5000);
      counter.tick(total);
      counter.done();
      expect(t.written).toEqual([]);
    }
  });
});
