import { teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeName } from "./host";

// The light theme is in the first bundle; dark and high contrast (most of the token tables) load
// only when the viewer's Teams theme asks for them.
const loaders: Record<Exclude<ThemeName, "default">, () => Promise<Theme>> = {
  dark: () => import("./darkTheme").then((m) => m.teamsDarkTheme),
  contrast: () => import("./darkTheme").then((m) => m.teamsHighContrastTheme),
};

const loaded: Partial<Record<ThemeName, Theme>> = { default: teamsLightTheme };

/** The theme if it is here already (the light one always is). */
export function loadedTheme(name: ThemeName): Theme | undefined {
  return loaded[name];
}

export async function loadTheme(name: ThemeName): Promise<Theme> {
  if (name === "default") return teamsLightTheme;
  return (loaded[name] ??= await loaders[name]());
}
