// Long lists drawn in steps: as many items as fill the window at once, the rest a step per frame after the first
// paint, so that a screen is drawn before the rows below the window are built (the Biểu 06 grid of a register with
// 150 procedures is some 2,000 inputs; a year report some twenty pages). While the rest is being built,
// `data-building` on <html> says so; the first paint with no command in flight is stamped in `data-drawn-at`, which
// the screen timings read (e2e/measure-screens.mjs).

/**
 * How many rows of at least `rowHeight` pixels fill the window below `above` pixels of header and controls (the
 * window's height now; at least 10).
 */
export function rowsToFill(rowHeight: number, above: number): number {
  const height = typeof window === "undefined" ? 768 : window.innerHeight;
  return Math.max(10, Math.ceil((height - above) / rowHeight));
}

export class Progressive {
  /** How many of the list's items to draw now. */
  count = $state(0);
  readonly #first: number;
  readonly #step: number;
  #run = 0;
  #list: string | null = null;

  constructor(first: number, step: number) {
    this.#first = first;
    this.#step = step;
  }

  /**
   * Starts drawing a list of `total` items: the first ones at once, the others after they are painted. `list` names
   * what is listed (a period, a query, a report): the same list again (refreshed after an edit) keeps the rows
   * already drawn, so that the page does not shorten under the official's scroll position.
   */
  start(total: number, list: string) {
    const run = ++this.#run;
    const same = list === this.#list;
    this.#list = list;
    this.count = Math.min(total, same ? Math.max(this.count, this.#first) : this.#first);
    if (typeof document === "undefined") {
      this.count = total;
      return;
    }
    const root = document.documentElement;
    root.dataset.building = "1";
    // The items set now are painted in the next frame; the frame after it starts the rest.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (run !== this.#run) return;
        if (root.dataset.pending === "0") root.dataset.drawnAt = String(performance.now());
        const grow = () => {
          if (run !== this.#run) return;
          if (this.count >= total) {
            delete root.dataset.building;
            return;
          }
          this.count = Math.min(total, this.count + this.#step);
          requestAnimationFrame(grow);
        };
        grow();
      }),
    );
  }
}
