export * from "./vocabulary";
export * from "./api";
