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

/**
 * What the board's surfaces (channel, side panel, stage, personal) load beside their own chunk:
 * the modules a surface imports that other chunks share. Left to the automatic splitting, these
 * are about twenty small files (a badge, a hook, a Fluent part each) asked one after another
 * over HTTP/1.1's six connections while the board's own requests wait among them; here they are
 * one. What only one surface uses stays in its chunk: the side panel still never downloads the
 * channel board (tests/browser/code-splitting.test.ts).
 */
function surfaceShared(): { plugin: Plugin; test: (id: string) => boolean } {
  const surfaces =
    /src[\\/]views[\\/](channel[\\/]ChannelView|sidePanel[\\/]SidePanelView|stage[\\/]StageView|personal[\\/]PersonalView)\.tsx$/;
  const reachable = new Set<string>();
  return {
    test: (id) => reachable.has(id),
    plugin: {
      name: "fact-board-surface-shared",
      apply: "build",
      buildEnd() {
        const ids = [...this.getModuleIds()];
        // What loads on demand (a dialog, the drawer) keeps its own chunk, and so does what only it imports.
        const onDemand = new Set(ids.flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
        const staticallyFrom = (start: string[]) => {
          const seen = new Set<string>();
          const next = [...start];
          while (next.length) {
            const id = next.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            next.push(...(this.getModuleInfo(id)?.importedIds ?? []).filter((imported) => !onDemand.has(imported)));
          }
          return seen;
        };
        const initial = staticallyFrom(ids.filter((id) => /src[\\/](main\.tsx|boot\.ts)$/.test(id)));
        for (const id of staticallyFrom(ids.filter((id) => surfaces.test(id)))) {
          if (!initial.has(id) && !onDemand.has(id)) reachable.add(id);
        }
      },
    },
  };
}
const shared = surfaceShared();

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
  plugins: [preloadMain(), shared.plugin],
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
            // Shared with other chunks and needed by a surface's first screen: one file (surfaceShared above).
            { name: "surface-shared", test: shared.test, minShareCount: 2, priority: 0 },
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
