// The file saved last, so that after any save the user can open it, or its folder, in one click (the bar at the
// foot of the window: `components/SavedFileBar.svelte`).

export const saved = $state<{ path: string | null; printed: boolean }>({ path: null, printed: false });

/** Announces a file just saved (an export, a PDF, a template, a report file, a copy). */
export function announceSaved(path: string) {
  saved.path = path;
  saved.printed = false;
}

/** Announces a PDF handed to the system's viewer to print. */
export function announcePrinted(path: string) {
  saved.path = path;
  saved.printed = true;
}

export function dismissSaved() {
  saved.path = null;
}

/** The file's name without its folder, for "Đã lưu …". */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The kinds of file the system is asked to open (the shell refuses others: never a program). */
const OPENABLE = ["pdf", "xlsx", "csv", "docx", "png", "jpg", "jpeg"];

/** Whether "Mở tệp" is offered for the file (a report file or a register copy is opened from the app instead). */
export function openable(path: string): boolean {
  return OPENABLE.includes((path.split(".").pop() ?? "").toLowerCase());
}
