// No zod here: the tab's teams-js chunk imports this alone (`@fact-board/contract/tab-entity`), not
// the whole contract, whose schemas would bring zod into the side panel's first seconds.

/**
 * The entity id a configured board tab is saved with (the configuration page's setConfig) and that
 * deep links from cards must name to open that tab: one source for the tab and the bot.
 */
export const boardTabEntityId = (boardId: string): string => `board-${boardId}`;
