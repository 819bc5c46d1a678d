// Receiving report files on the roll-up screen: the paths typed or picked, a dry run listing each file's class and
// reasons, then writing the accepted ones. The screen keeps one `Receiving` so that the work survives a change of tab.
import { chooseFiles, chooseFolder, CommandError, packagesImport } from "../../api";
import type { CommandErrorShape, FileClass, PackageImportReport } from "../../api/types";
import { endProgress, saving } from "../../lib/activity.svelte";
import { formatInt } from "../../lib/format";
import { pathLines } from "../../lib/packages";
import { fileClassLabels, rollup as t } from "../../lib/strings";

export type Phase = "choose" | "checking" | "preview" | "applying" | "done";

const WRITTEN: FileClass[] = ["new", "revision", "stale", "conflict"];
const CLASS_ORDER: FileClass[] = ["new", "revision", "identical", "stale", "conflict", "refused"];

export class Receiving {
  phase = $state<Phase>("choose");
  pathsText = $state("");
  checked = $state<PackageImportReport | null>(null);
  applied = $state<PackageImportReport | null>(null);
  error = $state<CommandErrorShape | null>(null);

  toWrite = $derived(this.checked ? this.checked.files.filter((f) => WRITTEN.includes(f.class)).length : 0);
  classCounts = $derived(
    this.checked
      ? CLASS_ORDER.map((c) => [c, this.checked!.files.filter((f) => f.class === c).length] as const)
          .filter(([, n]) => n > 0)
          .map(([c, n]) => `${fileClassLabels[c].toLocaleLowerCase("vi")}: ${formatInt(n)}`)
          .join("; ")
      : "",
  );

  addPaths(paths: string[]) {
    const lines = pathLines(this.pathsText);
    for (const p of paths) if (!lines.includes(p)) lines.push(p);
    this.pathsText = lines.join("\n");
    this.phase = "choose";
    this.checked = null;
    this.applied = null;
  }

  pickFiles = async () => {
    this.error = null;
    try {
      this.addPaths(await chooseFiles(t.chooseFilesTitle, t.fileType, ["cchcbc", "cchc"]));
    } catch (reason) {
      this.error = CommandError.from(reason);
    }
  };

  pickFolder = async () => {
    this.error = null;
    try {
      const dir = await chooseFolder(t.chooseFolderTitle);
      if (dir) this.addPaths([dir]);
    } catch (reason) {
      this.error = CommandError.from(reason);
    }
  };

  check = async () => {
    const paths = pathLines(this.pathsText);
    if (paths.length === 0) return;
    this.error = null;
    this.applied = null;
    this.checked = null;
    this.phase = "checking";
    try {
      this.checked = await packagesImport(paths, true);
      this.phase = "preview";
    } catch (reason) {
      this.error = CommandError.from(reason);
      this.phase = "choose";
    } finally {
      endProgress("package");
    }
  };

  apply = async () => {
    const paths = pathLines(this.pathsText);
    if (!this.checked || this.toWrite === 0) return;
    this.error = null;
    this.phase = "applying";
    try {
      this.applied = await saving(packagesImport(paths, false));
      this.checked = this.applied;
      this.phase = "done";
    } catch (reason) {
      this.error = CommandError.from(reason);
      this.phase = "preview";
    } finally {
      endProgress("package");
    }
  };

  restart = () => {
    this.pathsText = "";
    this.checked = null;
    this.applied = null;
    this.error = null;
    this.phase = "choose";
  };
}
