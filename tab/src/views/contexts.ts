import contexts from "./contexts.json";

// Where the tab runs, kept in JSON so the app-package test (CommonJS, outside the tab) reads the same list.

/** Teams frame contexts (teams-js `FrameContexts`) the tab handles. */
export const supportedFrameContexts: readonly string[] = contexts.supportedFrameContexts;

/** Manifest `context` values for the configurable and static tabs. */
export const manifestContexts: readonly string[] = contexts.manifestContexts;
