// The front end's own rules, checked on every test run: Vietnamese text lives only in strings.ts (in NFC), only the
// api module talks to the shell, and nothing is loaded from the network.
import { describe, expect, it } from "vitest";
import * as strings from "./strings";

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Letters that only Vietnamese text uses here (precomposed vowels with tones, ă â đ ê ô ơ ư and their capitals). */
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

describe("house rules", () => {
  it("finds the sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(15);
  });

  it("keeps Vietnamese text in strings.ts only (components have none at all; code comments may quote examples)", () => {
    const comment = /^\s*(\/\/|\/\*|\*)/;
    const offenders = Object.entries(sources)
      .filter(([path]) => path !== "./strings.ts")
      .flatMap(([path, text]) =>
        text
          .split("\n")
          .map((line, i) => [path, i + 1, line] as const)
          .filter(([, , line]) => VIETNAMESE.test(line) && (path.endsWith(".svelte") || !comment.test(line))),
      )
      .map(([path, line, text]) => `${path}:${line}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });

  it("writes every user-facing string in NFC", () => {
    const texts = allStrings(strings);
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) expect(text.normalize("NFC"), text).toBe(text);
  });

  it("calls the shell only from api/index.ts", () => {
    const callers = Object.entries(sources)
      .filter(([, text]) => /@tauri-apps\//.test(text))
      .map(([path]) => path);
    expect(callers).toEqual(["../api/index.ts"]);
  });

  it("loads nothing from the network", () => {
    const remote = Object.entries(sources)
      .filter(([, text]) => /\b(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(text.replace(/\/\/ .*$/gm, "")))
      .map(([path]) => path);
    expect(remote).toEqual([]);
  });
});
