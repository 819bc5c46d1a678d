// The front end's own rules, checked on every test run: Vietnamese text lives only in strings.ts (in NFC), only the
// api module talks to the shell, nothing is loaded from the network, and what is shared is written once (the forms'
// save behaviour, the year picker, the screens' CSS), and no file grows past what a reader takes in.
import { describe, expect, it } from "vitest";
import * as strings from "./strings";

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

// Every file of the front end, tests and style sheets too, for the rule on length.
const everyFile = import.meta.glob(["../**/*.svelte", "../**/*.ts", "../**/*.css"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The longest a file may be; a screen that outgrows it is split into components by the parts a person sees. */
const MAX_LINES = 800;
/** The files exempt from MAX_LINES: the string dictionary and the types generated from the core (JSON is data). */
const LONG_FILES = ["./strings.ts", "../api/generated.ts"];

/** Letters that only Vietnamese text uses here (precomposed vowels with tones, ă â đ ê ô ơ ư and their capitals). */
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

// Vitest hands a style sheet's import an empty string; the raw text comes through the glob, like the sources'.
const appCss = Object.values(
  import.meta.glob("../styles/app.css", { query: "?raw", import: "default", eager: true }) as Record<string, string>,
)[0];

describe("house rules", () => {
  it("finds the sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(15);
  });

  it(`keeps every file under ${MAX_LINES} lines but the string dictionary and the generated types`, () => {
    expect(Object.keys(everyFile).length).toBeGreaterThan(Object.keys(sources).length);
    for (const path of LONG_FILES) expect(everyFile[path], path).toBeDefined();
    const long = Object.entries(everyFile)
      .filter(([path]) => !LONG_FILES.includes(path))
      .map(([path, text]) => [path, text.trimEnd().split("\n").length] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([path, lines]) => `${path}: ${lines} lines`);
    expect(long).toEqual([]);
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

  it("writes the forms' save behaviour once (lib/form.svelte.ts) and draws a form's inputs with FieldInput", () => {
    const queues = Object.entries(sources)
      .filter(([path, text]) => path !== "./form.svelte.ts" && /\.then\(save, save\)|touched\[/.test(text))
      .map(([path]) => path);
    expect(queues).toEqual([]);
    const forms = Object.keys(sources).filter((path) => /Form\.svelte$/.test(path));
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const path of forms) expect(sources[path], path).toContain("<FieldInput");
  });

  it("offers a year to choose only through YearPicker", () => {
    const pickers = Object.entries(sources)
      .filter(([path, text]) => !path.endsWith("/YearPicker.svelte") && /\{#each years as/.test(text))
      .map(([path]) => path);
    expect(pickers).toEqual([]);
  });

  it("does not restate in a component a rule of app.css (screen CSS lives once)", () => {
    const shared = new Set(rules(appCss).map(([selector, declaration]) => `${selector} { ${declaration} }`));
    expect(shared.size).toBeGreaterThan(50);
    const restated = Object.entries(sources)
      .filter(([path]) => path.endsWith(".svelte"))
      .flatMap(([path, text]) =>
        rules(text.slice(text.indexOf("<style>")))
          .map(([selector, declaration]) => `${selector} { ${declaration} }`)
          .filter((rule) => shared.has(rule))
          .map((rule) => `${path}: ${rule}`),
      );
    expect(restated).toEqual([]);
  });
});

/** A style sheet's rules as [selector, declaration] pairs, one a selector of a list and a declaration. */
function rules(css: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [, selectors, body] of css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    for (const selector of selectors.split(",")) {
      for (const declaration of body.split(";")) {
        if (declaration.trim()) out.push([selector.trim().replace(/\s+/g, " "), declaration.trim().replace(/\s+/g, " ")]);
      }
    }
  }
  return out;
}

describe("one app name", () => {
  // The window's title bar (tauri.conf.json), the header and the first-run text name the app the same way.
  const conf = import.meta.glob("../../../src-tauri/tauri.conf.json", {
    query: "?raw",
    import: "default",
    eager: true,
  }) as Record<string, string>;

  it("is the same in the title bar, the header and the first-run welcome", () => {
    const [raw] = Object.values(conf);
    const title = JSON.parse(raw).app.windows[0].title as string;
    expect(strings.app.title).toBe(title);
    expect(strings.firstRun.heading).toContain(title);
  });
});
