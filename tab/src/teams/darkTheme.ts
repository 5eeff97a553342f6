// Its own chunk (themes.ts imports it on demand): the dark and high-contrast token tables.
export { teamsDarkTheme, teamsHighContrastTheme } from "@fluentui/react-components";
