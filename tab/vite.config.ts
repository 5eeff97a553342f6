import { fileURLToPath } from "node:url";
import { type Plugin, defineConfig } from "vite";

/**
 * index.html runs src/boot.ts, which starts the board's request and meets the host, then imports
 * src/main.tsx. main.tsx is an entry of its own (its up-front modules in one chunk, below); this
 * preloads that chunk and what it imports, so that it downloads from the start beside boot.ts.
 */
function preloadMain(): Plugin {
  return {
    name: "fact-board-preload-main",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const main = Object.values(ctx.bundle ?? {}).find((c) => c.type === "chunk" && c.isEntry && c.name === "main");
        if (!main || main.type !== "chunk") throw new Error("the main entry is missing from the bundle");
        return [main.fileName, ...main.imports]
          .filter((file) => !html.includes(file))
          .map((file) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/tab/${file}` },
            injectTo: "head" as const,
          }));
      },
    },
  };
}

// The server serves the built tab at /tab/. Vite 8 (Oxc) transforms TSX itself with React's
// automatic runtime, so no React plugin is needed (no Fast Refresh in `vite dev`: acceptable).
export default defineConfig({
  base: "/tab/",
  resolve: {
    alias: [
      // One language's words (contract/src/words/sv.ts or en.ts), without the rest of the contract.
      {
        find: /^@fact-board\/contract\/words\/(\w+)$/,
        replacement: fileURLToPath(new URL("../contract/src/words/$1.ts", import.meta.url)),
      },
      // The tab's entity id for teams-js's configuration save: one small module, no zod.
      // A card's link to one item, read on every surface's first screen: no zod either.
      {
        find: /^@fact-board\/contract\/deep-link$/,
        replacement: fileURLToPath(new URL("../contract/src/deep-link.ts", import.meta.url)),
      },
      {
        find: /^@fact-board\/contract\/tab-entity$/,
        replacement: fileURLToPath(new URL("../contract/src/tab-entity.ts", import.meta.url)),
      },
      { find: /^@fact-board\/contract$/, replacement: fileURLToPath(new URL("../contract/src/index.ts", import.meta.url)) },
    ],
  },
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [preloadMain()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The modulepreload polyfill would be injected as code into the entry; every browser Teams runs in supports modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        main: fileURLToPath(new URL("src/main.tsx", import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            // What boot.ts runs, in a chunk of its own so that it does not wait for the rest (main.tsx shares it).
            {
              name: "early",
              test: /src[\\/](startup[\\/]start-host|api[\\/]early|api[\\/]session|shell[\\/]views|teams[\\/]host|i18n[\\/]language)\.ts$/,
              priority: 2,
            },
            // What main.tsx needs up front is one file, not a dozen small ones: over HTTP/1.1 (a local
            // run, a proxy) six connections are shared with the board's request, which must not queue.
            // boot.ts stays out of it: it is the page's own small entry.
            { name: "start", tags: ["$initial"], test: (id: string) => !/src[\\/]boot\.ts$|index\.html/.test(id), priority: 1 },
          ],
        },
      },
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
