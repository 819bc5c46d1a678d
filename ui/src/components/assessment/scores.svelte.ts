// The self-assessment's points typed in the criteria tree before they are saved: the drafts by cell, the findings of
// a refused cell, and the points that differ from the suggestion and wait for their reason. Saves go one at a time.
import { assessmentAppraise, assessmentScore, CommandError } from "../../api";
import type { CommandErrorShape, Finding, ScoreEntry, Stage } from "../../api/types";
import { saving } from "../../lib/activity.svelte";
import { formatAmount } from "../../lib/format";

/** A column of points the official types into: the self-assessment or an appraisal round's. */
export type EditColumn = "self" | "round1" | "round2";

/** Points as the tree writes them, or nothing. */
export function points(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : formatAmount(value);
}

/** Evidence is linked and explanations written while the unit still answers: the draft and the explanation stage. */
export function answering(stage: Stage | null): boolean {
  return stage === "draft" || stage === "explanation";
}

/** What the edits need from the screen. */
export interface ScoreContext {
  year: () => number;
  entry: (code: string) => ScoreEntry | undefined;
  /** Reads the assessment again after a save. */
  refresh: () => Promise<void>;
  /** Shows the leaf whose points wait for a reason. */
  select: (code: string) => void;
  fail: (error: CommandErrorShape) => void;
}

export class ScoreEdits {
  drafts = $state<Record<string, string>>({});
  refused = $state<Record<string, Finding[]>>({});
  /** Points typed that differ from the suggestion and wait for their reason, by leaf. */
  pendingOverride = $state<Record<string, string>>({});
  #queue: Promise<void> = Promise.resolve();
  #context: ScoreContext;

  constructor(context: ScoreContext) {
    this.#context = context;
  }

  reset() {
    this.drafts = {};
    this.refused = {};
    this.pendingOverride = {};
  }

  /** The findings of a leaf's refused cells, in the columns' order. */
  problems(code: string): Finding[] {
    return [
      ...(this.refused[cellKey("self", code)] ?? []),
      ...(this.refused[cellKey("round1", code)] ?? []),
      ...(this.refused[cellKey("round2", code)] ?? []),
    ];
  }

  isRefused(column: EditColumn, code: string): boolean {
    return (this.refused[cellKey(column, code)] ?? []).length > 0;
  }

  display(column: EditColumn, code: string): string {
    const draft = this.drafts[cellKey(column, code)];
    if (draft !== undefined) return draft;
    const value = this.#stored(column, code);
    return value === null ? "" : formatAmount(value);
  }

  edit(column: EditColumn, code: string, value: string) {
    this.drafts[cellKey(column, code)] = value;
  }

  commit(column: EditColumn, code: string) {
    const key = cellKey(column, code);
    const draft = this.drafts[key];
    if (draft === undefined) return;
    const text = draft.trim();
    const current = this.#stored(column, code);
    if (text === "" || (current !== null && text === formatAmount(current))) {
      delete this.drafts[key];
      delete this.refused[key];
      return;
    }
    this.#queue = this.#queue.then(() => this.#save(column, code, text, null));
  }

  cancel(column: EditColumn, code: string, input: HTMLInputElement) {
    const key = cellKey(column, code);
    delete this.drafts[key];
    delete this.refused[key];
    delete this.pendingOverride[code];
    input.value = this.display(column, code);
    input.select();
  }

  /** Saves the reason for points that differ from the suggestion, with the points waiting for it or those stored. */
  saveReason(code: string, text: string) {
    const reason = text.trim();
    const entry = this.#context.entry(code);
    if (!entry || reason === "") return;
    const pending = this.pendingOverride[code];
    if (pending !== undefined) {
      this.#queue = this.#queue.then(() => this.#save("self", code, pending, reason));
    } else if (entry.self_points !== null && reason !== entry.override_reason) {
      const stored = String(entry.self_points).replace(".", ",");
      this.#queue = this.#queue.then(() => this.#save("self", code, stored, reason));
    }
  }

  #stored(column: EditColumn, code: string): number | null {
    const entry = this.#context.entry(code);
    if (!entry) return null;
    return column === "self" ? entry.self_points : column === "round1" ? entry.round1 : entry.round2;
  }

  async #save(column: EditColumn, code: string, text: string, reason: string | null) {
    const key = cellKey(column, code);
    const year = this.#context.year();
    try {
      if (column === "self") await saving(assessmentScore(year, code, text, reason));
      else await saving(assessmentAppraise(year, code, text, null));
      if (this.drafts[key]?.trim() === text) delete this.drafts[key];
      delete this.refused[key];
      delete this.pendingOverride[code];
      await this.#context.refresh();
    } catch (reason) {
      const e = CommandError.from(reason);
      if (e.code === "INVALID" && e.findings.length > 0) {
        this.refused[key] = e.findings;
        if (e.findings.some((f) => f.code === "OVERRIDE_REASON_MISSING")) {
          this.pendingOverride[code] = text;
          this.#context.select(code);
        }
      } else {
        this.#context.fail(e);
      }
    }
  }
}

function cellKey(column: EditColumn, code: string): string {
  return `${column}|${code}`;
}
