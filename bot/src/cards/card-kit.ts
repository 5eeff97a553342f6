// The few Adaptive Card shapes the bot uses, typed, so every card is built by a function from
// typed data rather than a JSON template. Only elements that Teams renders at schema 1.5 appear here.

export const CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
/** Teams refreshes a card automatically for at most 60 users; everyone else sees the posted card until they refresh by hand. */
export const MAX_REFRESH_USERS = 60;

export type Locale = "sv" | "en";

/** How a card is shown to whoever gets it, beside the core's answer it shapes. */
export interface HowShown {
  /** A line saying what just happened ("Signalen är skickad"). */
  message?: string;
  /** Who Teams refreshes the card for automatically (MRIs). */
  refreshUserIds: string[];
}

/** A card that acts links to the same item in the tab (Action.Execute does nothing in Teams on phones). */
export interface InBoard {
  /** "Öppna i FACT-tavlan": the item in the tab (itemDeepLink), where the same can be done. */
  openInBoard: string;
}

export type CardElement =
  TextBlock | FactSet | Container | ColumnSet | ActionSet | InputText | InputDate | InputNumber | InputChoiceSet | InputToggle;

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  size?: "small" | "default" | "medium" | "large";
  weight?: "default" | "bolder";
  color?: "default" | "good" | "warning" | "attention" | "accent";
  isSubtle?: boolean;
  spacing?: "none" | "small" | "medium";
  id?: string;
}
export interface FactSet {
  type: "FactSet";
  facts: Array<{ title: string; value: string }>;
}
export interface Container {
  type: "Container";
  items: CardElement[];
  style?: "default" | "emphasis" | "good" | "attention" | "warning";
  separator?: boolean;
}
export interface ColumnSet {
  type: "ColumnSet";
  columns: Array<{ type: "Column"; width: "auto" | "stretch"; items: CardElement[] }>;
  separator?: boolean;
}
export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
}
interface InputBase {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface InputText extends InputBase {
  type: "Input.Text";
  maxLength?: number;
  isMultiline?: boolean;
  placeholder?: string;
  value?: string;
}
export interface InputDate extends InputBase {
  type: "Input.Date";
  value?: string;
  min?: string;
  max?: string;
}
export interface InputNumber extends InputBase {
  type: "Input.Number";
  value?: number;
  min?: number;
  max?: number;
}
export interface InputChoiceSet extends InputBase {
  type: "Input.ChoiceSet";
  choices: Array<{ title: string; value: string }>;
  /** Typeahead: Teams asks the bot (invoke `application/search`) for choices matching what is typed. */
  "choices.data"?: { type: "Data.Query"; dataset: string; count?: number };
  placeholder?: string;
  value?: string;
  style?: "compact" | "expanded" | "filtered";
  isMultiSelect?: boolean;
}
export interface InputToggle extends InputBase {
  type: "Input.Toggle";
  title: string;
  value?: "true" | "false";
  valueOn?: "true";
  valueOff?: "false";
}

export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: "positive" | "destructive";
  associatedInputs?: "auto" | "none";
  mode?: ActionMode;
}
/** Secondary actions go to the card's overflow menu ("…"): what keeps a card's buttons inside 450 px. */
export type ActionMode = "primary" | "secondary";
export interface ShowCardAction {
  type: "Action.ShowCard";
  title: string;
  card: AdaptiveCard;
  mode?: ActionMode;
}
export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
  mode?: ActionMode;
}
export type CardAction = ExecuteAction | ShowCardAction | OpenUrlAction;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema?: string;
  version?: string;
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: ExecuteAction; userIds: string[] };
  fallbackText?: string;
}

export const text = (value: string, options: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...options,
});

export const title = (value: string): TextBlock => text(value, { size: "medium", weight: "bolder" });

export const facts = (pairs: Array<[string, string | undefined]>): FactSet => ({
  type: "FactSet",
  facts: pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== "").map(([t, v]) => ({ title: t, value: v })),
});

export const execute = (
  label: string,
  verb: string,
  data: Record<string, unknown>,
  options: Pick<ExecuteAction, "style" | "associatedInputs"> = {},
): ExecuteAction => ({ type: "Action.Execute", title: label, verb, data, ...options });

/**
 * "Öppna i FACT-tavlan": the same item in the tab, where whatever the card's buttons do can be done
 * too. Every card that acts carries it: Action.Execute does nothing in Teams on iOS and Android.
 */
export const openInBoardAction = (label: string, url: string): OpenUrlAction => ({ type: "Action.OpenUrl", title: label, url });

export const showCard = (label: string, body: CardElement[], actions: CardAction[]): ShowCardAction => ({
  type: "Action.ShowCard",
  title: label,
  card: { type: "AdaptiveCard", body, actions },
});

/** A short line at the top of a card: the outcome of the last click, or why the card was refreshed. */
export const notice = (message: string | undefined): CardElement[] =>
  message ? [{ type: "Container", style: "emphasis", items: [text(message, { weight: "bolder" })] }] : [];

export interface RefreshSpec {
  /** What the refresh invoke needs to rebuild the card (ids only, never personal data). */
  data: Record<string, unknown>;
  /** Teams user MRIs that get the card refreshed automatically. */
  userIds: readonly string[];
}

/**
 * Buttons shown side by side. Teams' narrowest card (450 px: chat beside a meeting, the side panel)
 * fits two short labels, or one long Swedish one beside the overflow menu ("…"), where the rest go
 * in the order given, so each card lists its most likely answer first. The budgets are in
 * characters of the titles, checked by rendering every card at 450 px (tests/browser/cards-450.test.ts).
 */
export const MAX_PRIMARY_ACTIONS = 2;
const TITLE_BUDGET = { withOverflow: 30, alone: 44 };

export function withOverflow(actions: CardAction[]): CardAction[] {
  const candidates = actions.filter((a) => a.mode !== "secondary");
  const overflows = candidates.length > MAX_PRIMARY_ACTIONS || candidates.length < actions.length;
  const budget = overflows ? TITLE_BUDGET.withOverflow : TITLE_BUDGET.alone;
  let primary = 0;
  let used = 0;
  let full = false;
  const out = actions.map((a) => {
    if (a.mode === "secondary") return a;
    // The first button is always shown, however long its title.
    const fits = !full && primary < MAX_PRIMARY_ACTIONS && (primary === 0 || used + a.title.length <= budget);
    if (fits) {
      primary++;
      used += a.title.length;
      return a;
    }
    full = true;
    return { ...a, mode: "secondary" as const };
  });
  return out;
}

/** A card at schema 1.5 with a Universal Actions refresh; userIds is cut to Teams' limit of 60. */
export function card(
  body: CardElement[],
  options: { actions?: CardAction[]; refresh?: RefreshSpec; fallbackText?: string } = {},
): AdaptiveCard {
  const out: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
  };
  if (options.actions && options.actions.length > 0) out.actions = withOverflow(options.actions);
  if (options.refresh) {
    out.refresh = {
      action: { type: "Action.Execute", title: "Refresh", verb: "refresh", data: options.refresh.data },
      userIds: [...new Set(options.refresh.userIds)].slice(0, MAX_REFRESH_USERS),
    };
  }
  if (options.fallbackText) out.fallbackText = options.fallbackText;
  return out;
}
