// Vite configuration for the desktop front end: a fixed dev port for the Tauri shell, targets WebKitGTK can run.
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // The Tauri shell prints its own logs into the same terminal.
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: "localhost",
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    // WebKitGTK on Linux (Safari 15 level) and WebView2 on Windows both run ES2021.
    target: ["es2021", "safari15"],
    outDir: "dist",
    emptyOutDir: true,
    // Fonts are bundled, never fetched: keep them as files rather than inlined data.
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // The house rules read app.css as text (?raw); without this Vitest hands style sheets over empty.
    css: { include: [/app\.css/] },
  },
});
