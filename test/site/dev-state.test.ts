import { describe, expect, it } from "vitest";
import type { FastPathMessage } from "../../src/dev/fastpath.ts";
import { DevState } from "../../src/dev/state.ts";

const broken = ["content/briefings/2026/a.md: \"title\" is required"];
const yaml = ["content/briefings/2026/a.md:2: front matter is not valid YAML"];
const written: FastPathMessage = { type: "written", files: ["/briefings/2026/a/"], sources: ["content/briefings/2026/a.md"], ms: 5 };

/** A state after Eleventy's first build. */
function ready(): DevState {
  const state = new DevState();
  state.eleventy({ type: "started" });
  state.eleventy({ type: "built" });
  return state;
}

describe("what npm start shows while two processes read the saves", () => {
  it("shows Building until Eleventy's first build, then the site", () => {
    const state = new DevState();
    state.eleventy({ type: "started" });
    expect(state.built).toBe(false);
    state.eleventy({ type: "built" });
    expect(state.built).toBe(true);
    expect(state.problems).toBeNull();
  });

  it("clears the fast path's problems when an Eleventy build that began after them succeeds (a save it caught half written)", () => {
    const state = ready();
    state.fast({ type: "failed", problems: broken });
    expect(state.problems).toEqual(broken);
    state.eleventy({ type: "started" });
    state.eleventy({ type: "built" });
    expect(state.problems).toBeNull();
  });

  it("shows Eleventy's problems instead when that build fails", () => {
    const state = ready();
    state.fast({ type: "failed", problems: broken });
    state.eleventy({ type: "started" });
    state.eleventy({ type: "failed", problems: yaml });
    expect(state.problems).toEqual(yaml);
  });

  it("keeps the fast path's problems over an Eleventy build that began before them (an older save)", () => {
    const state = ready();
    state.eleventy({ type: "started" });
    state.fast({ type: "failed", problems: broken });
    state.eleventy({ type: "built" });
    expect(state.problems).toEqual(broken);
  });

  it("ignores a failed Eleventy build that began before the fast path's last success", () => {
    const state = ready();
    state.eleventy({ type: "started" });
    state.fast(written);
    state.eleventy({ type: "failed", problems: yaml });
    expect(state.problems).toBeNull();
    state.eleventy({ type: "started" });
    state.eleventy({ type: "failed", problems: yaml });
    expect(state.problems).toEqual(yaml);
  });

  it("shows the site again once the fast path writes the fixed save", () => {
    const state = ready();
    state.fast({ type: "failed", problems: broken });
    state.fast(written);
    expect(state.problems).toBeNull();
  });
});
