import { fileURLToPath } from "node:url";
import { type Plugin, defineConfig } from "vite";

/**
 * src/boot.ts is an entry of its own, which the page runs as soon as it (a few KB) has arrived,
 * before main.tsx's scripts have: it starts the board's request (src/startup/start-host.ts, shared
 * with main.tsx as one instance in the "early" chunk).
 */
function bootFirst(): Plugin {
  return {
    name: "fact-board-boot-first",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === "chunk" && c.isEntry && c.name === "boot");
        if (!boot || boot.type !== "chunk") throw new Error("the boot entry is missing from the bundle");
        return [
          { tag: "script", attrs: { type: "module", async: true, crossorigin: true, src: `/tab/${boot.fileName}` }, injectTo: "head-prepend" },
          ...boot.imports.map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/tab/${file}` }, injectTo: "head-prepend" as const })),
        ];
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
      { find: /^@fact-board\/contract\/words\/(\w+)$/, replacement: fileURLToPath(new URL("../contract/src/words/$1.ts", import.meta.url)) },
      { find: /^@fact-board\/contract$/, replacement: fileURLToPath(new URL("../contract/src/index.ts", import.meta.url)) },
    ],
  },
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [bootFirst()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The modulepreload polyfill would be injected as code into the entry; every browser Teams runs in supports modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: { index: fileURLToPath(new URL("index.html", import.meta.url)), boot: fileURLToPath(new URL("src/boot.ts", import.meta.url)) },
      output: {
        codeSplitting: {
          groups: [
            // What boot.ts runs, in a chunk of its own so that it does not wait for the rest.
            { name: "early", test: /src[\\/](startup[\\/]start-host|api[\\/]early|api[\\/]session|shell[\\/]views|teams[\\/]host)\.ts$/, priority: 2 },
            // What main.tsx needs up front is one file, not a dozen small ones: over HTTP/1.1 (a local
            // run, a proxy) six connections are shared with the board's request, which must not queue.
            { name: "start", tags: ["$initial"], test: (id: string) => !/src[\\/]boot\.ts$/.test(id), priority: 1 },
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
