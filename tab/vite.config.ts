import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The server serves the built tab at /tab/. Vite 8 (Oxc) transforms TSX itself with React's
// automatic runtime, so no React plugin is needed (no Fast Refresh in `vite dev`: acceptable).
export default defineConfig({
  base: "/tab/",
  resolve: {
    alias: [
      // One language's words (contract/src/words/sv.ts or en.ts), without the rest of the contract.
      { find: /^@fact-board\/contract\/words\/(\w+)$/, replacement: fileURLToPath(new URL("../contract/src/words/$1.ts", import.meta.url)) },
      { find: /^@fact-board\/contract$/, replacement: fileURLToPath(new URL("../contract/src/index.ts", import.meta.url)) },
    ],
  },
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The modulepreload polyfill would be injected as code into the entry; every browser Teams runs in supports modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Fluent's "use client" directives are for React Server Components; irrelevant to a client bundle.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3978" },
  },
});
