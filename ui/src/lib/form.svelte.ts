// The behaviour every form of the register shares (the record form, the procedure form, the unit form): problems
// show beside their field once it was left or a save was attempted, from the local checks and from the server's
// findings by column; saves run one at a time so that edits arrive in order; Enter saves, and Ctrl+Enter does in a
// multi-line field.

import { tick } from "svelte";
import type { Finding } from "../api/types";
import { findingMessage } from "./messages";

export interface FormOptions {
  /** The local problems by column, one sentence each (read inside a reactive context). */
  local: () => Record<string, string>;
  /** Saves what is typed, when it is valid and changed; records its own failures. */
  save: () => Promise<void>;
  /** Whether leaving a field saves (false: only a submit does). */
  autosave?: () => boolean;
  /** The server's findings when the caller holds them (the unit form's callers show its errors). */
  findings?: () => Finding[];
}

export class FormState {
  touched = $state<Record<string, boolean>>({});
  attempted = $state(false);
  /** The findings of the server's last INVALID error. */
  serverFindings = $state<Finding[]>([]);
  /** The warnings the last save returned (saved, but worth a look). */
  serverWarnings = $state<Finding[]>([]);

  #options: FormOptions;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(options: FormOptions) {
    this.#options = options;
  }

  /** The server's findings: the form's own, or the caller's. */
  get findings(): Finding[] {
    return this.#options.findings?.() ?? this.serverFindings;
  }

  /** What to show beside a field: its local problem once left, then the server's findings about it. */
  problems(column: string): string[] {
    const local = this.#options.local();
    const out: string[] = [];
    if ((this.touched[column] || this.attempted) && local[column]) out.push(local[column]);
    for (const f of this.findings) {
      if (f.place.column !== column) continue;
      // A server finding about a value the official has since filled in is no longer shown.
      if (f.code === "REQUIRED_MISSING" && !local[column]) continue;
      const text = findingMessage(f);
      if (!out.includes(text)) out.push(text);
    }
    return out;
  }

  warnings(column: string): string[] {
    return this.serverWarnings.filter((f) => f.place.column === column).map(findingMessage);
  }

  /** Saves when valid and changed, after any save in flight. */
  commit(): Promise<void> {
    const save = () => this.#options.save();
    this.#inFlight = this.#inFlight.then(save, save);
    return this.#inFlight;
  }

  leave(column: string) {
    this.touched[column] = true;
    if (this.#options.autosave?.() ?? true) void this.commit();
  }

  /** Enter in any field submits the form: save, then focus the first field with a problem. */
  async submit(event: SubmitEvent) {
    event.preventDefault();
    this.attempted = true;
    const form = event.currentTarget as HTMLFormElement;
    await this.commit();
    await tick();
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Ctrl+Enter in a multi-line field saves like Enter does elsewhere. */
  textareaKey(event: KeyboardEvent, column: string) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.attempted = true;
      this.leave(column);
    }
  }
}
