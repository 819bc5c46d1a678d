// A long list drawn in steps: what fills the window at once, the rest a step per frame once that is painted; the
// same list refreshed keeps what is drawn (the page never shortens under the official's scroll position).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Progressive } from "./progressive.svelte";

let frames: FrameRequestCallback[] = [];
const html = { dataset: {} as Record<string, string> };

/** Runs the callbacks of one animation frame. */
function frame() {
  const now = frames;
  frames = [];
  for (const callback of now) callback(0);
}

beforeEach(() => {
  frames = [];
  html.dataset = { pending: "0" };
  Object.assign(globalThis, {
    document: { documentElement: html },
    requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
  });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, "document");
  Reflect.deleteProperty(globalThis, "requestAnimationFrame");
});

describe("a list drawn in steps", () => {
  it("draws what fills the window, then the rest a step per frame after it is painted", () => {
    const drawn = new Progressive(20, 50);
    drawn.start(165, "2025");
    expect(drawn.count).toBe(20);
    expect(html.dataset.building).toBe("1");
    frame(); // the first rows are painted in this frame
    expect(drawn.count).toBe(20);
    frame(); // then the rest starts
    expect(drawn.count).toBe(70);
    expect(html.dataset.drawnAt).toBeDefined();
    frame();
    frame();
    expect(drawn.count).toBe(165);
    frame();
    expect(html.dataset.building).toBeUndefined();
  });

  it("keeps the rows drawn when the same list comes again, and starts over for another", () => {
    const drawn = new Progressive(20, 50);
    drawn.start(165, "2025");
    for (let i = 0; i < 8; i++) frame();
    expect(drawn.count).toBe(165);
    drawn.start(166, "2025"); // a row added: the page keeps its length
    expect(drawn.count).toBe(165);
    drawn.start(30, "2024"); // another period: from the top
    expect(drawn.count).toBe(20);
  });

  it("stops an earlier list's steps when another starts", () => {
    const drawn = new Progressive(10, 10);
    drawn.start(100, "a");
    frame();
    drawn.start(15, "b");
    for (let i = 0; i < 6; i++) frame();
    expect(drawn.count).toBe(15);
  });
});
