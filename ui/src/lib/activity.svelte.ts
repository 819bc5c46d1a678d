// What the header shows about work in flight: the save indicator ("Đang lưu…" then a flash of "Đã lưu"), the
// shell's `progress` events, and a quiet indicator for any call that takes a while.

import { onPending, onProgress, type ProgressEvent } from "../api";

type SavePhase = "idle" | "saving" | "saved" | "failed";

export const activity = $state({
  save: "idle" as SavePhase,
  /** Saves in flight. */
  saving: 0,
  /** The latest `progress` event while its task runs. */
  progress: null as ProgressEvent | null,
  /** True when a command has been pending for a moment (so quick calls do not flicker). */
  busy: false,
  /** Where the last failed save was made: the dialog or screen, and the field ("Biểu 06 — Hộ tịch — Quá hạn"). */
  failedWhere: "",
});

/** The place a failing save was made, read from the page: the open dialog's title or the screen's heading, then the
 * focused field's label. Read at the moment of failure, so no caller has to name itself. */
function wherePageIs(): string {
  const dialog = document.querySelector("dialog[open] h2")?.textContent?.trim();
  const heading = dialog || document.querySelector("main h1")?.textContent?.trim() || "";
  const focused = document.activeElement as HTMLElement | null;
  const field =
    focused?.getAttribute("aria-label") ||
    (focused?.id ? document.querySelector(`label[for="${focused.id}"]`)?.textContent?.trim() : "") ||
    focused?.closest("label")?.textContent?.trim() ||
    "";
  return [heading, field].filter((part) => part !== "").join(" — ");
}

/** The failed edit was abandoned (its dialog closed, its screen left): the header stops saying it failed. */
export function abandonFailedSave() {
  if (activity.save === "failed") {
    activity.save = "idle";
    activity.failedWhere = "";
  }
}

let savedTimer: ReturnType<typeof setTimeout> | undefined;

/** Runs a save and drives the indicator: "Đang lưu…" while in flight, "Đã lưu" for two seconds after. */
export async function saving<T>(work: Promise<T>): Promise<T> {
  clearTimeout(savedTimer);
  activity.saving += 1;
  activity.save = "saving";
  try {
    const result = await work;
    activity.saving -= 1;
    if (activity.saving === 0) {
      activity.save = "saved";
      activity.failedWhere = "";
      savedTimer = setTimeout(() => {
        if (activity.saving === 0) activity.save = "idle";
      }, 2000);
    }
    return result;
  } catch (error) {
    activity.saving -= 1;
    activity.save = "failed";
    activity.failedWhere = typeof document === "undefined" ? "" : wherePageIs();
    throw error;
  }
}

let busyTimer: ReturnType<typeof setTimeout> | undefined;
let progressTimer: ReturnType<typeof setTimeout> | undefined;

/** Starts listening to the shell; call once when the app mounts. Returns the stop function. */
export function startActivity(): () => void {
  const stopPending = onPending((n) => {
    clearTimeout(busyTimer);
    if (n === 0) activity.busy = false;
    else busyTimer = setTimeout(() => (activity.busy = true), 400);
  });
  let stopProgress: (() => void) | null = null;
  let stopped = false;
  onProgress((event) => {
    clearTimeout(progressTimer);
    activity.progress = event;
    if (event.total > 0 && event.done >= event.total) {
      progressTimer = setTimeout(() => (activity.progress = null), 800);
    }
  })
    .then((unlisten) => {
      if (stopped) unlisten();
      else stopProgress = unlisten;
    })
    .catch(() => {
      // Outside the desktop shell there are no events; nothing to show.
    });
  return () => {
    stopped = true;
    stopPending();
    stopProgress?.();
  };
}

/** Clears a finished task's progress (the call that caused it has returned). */
export function endProgress(task: ProgressEvent["task"]) {
  if (activity.progress?.task === task) {
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => (activity.progress = null), 400);
  }
}
