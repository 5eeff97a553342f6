import { createContext } from "react";

/**
 * True where a form dialog mounts because the person already pressed its trigger (a dialog loaded
 * on demand, lazyParts.tsx). Its own file: the page knows it without loading any dialog.
 */
export const OpenOnMount = createContext(false);
