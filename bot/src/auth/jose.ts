// jose 6 ships as ES modules only, and this server compiles to CommonJS (module Node16). TypeScript
// keeps a dynamic import() as a real import() under Node16, so jose is loaded once, lazily, here;
// every other file in the seam takes its types from `Jose` and its functions from `loadJose()`.
export const loadJose = () => import("jose");

export type Jose = Awaited<ReturnType<typeof loadJose>>;
