// The board API contract, defined once: the server parses requests and shapes responses with it,
// the tab types its client with it, so the two cannot drift.
export * from "./vocabulary";
export * from "./common";
export * from "./deep-link";
export * from "./identity-number";
export * from "./support";
export * from "./responses";
export * from "./requests";
export * from "./fidelity";
export * from "./follow-up";
export * from "./log-review";
export * from "./admin";
export * from "./live";
export * from "./study";
export * from "./contacts";
export type { Terms, Vocabulary } from "./words/vocabulary";
export { words as svWords, terms as svTerms } from "./words/sv";
export { words as enWords, terms as enTerms } from "./words/en";
