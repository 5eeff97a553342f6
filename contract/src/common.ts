import { z } from "zod";

// Values every part of the contract uses.
// Ids travel in paths and keys: letters, digits, dot, dash, underscore only.
export const Id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash, underscore");
export const ETag = z.string().min(1).max(200);
export const ShortText = (max: number) => z.string().trim().min(1).max(max);

export const ParticipantCode = z
  .string()
  .trim()
  .regex(/^[A-ZÅÄÖ]{2,4}-\d{3,4}$/, "a pseudonymous code like HBG-017 (never a personal identity number)");
export const Initials = z
  .string()
  .trim()
  .regex(/^[A-ZÅÄÖ]{1,3}(\.?[A-ZÅÄÖ]){0,2}\.?$/, "initials like A.B.");

/**
 * The entity id a configured board tab is saved with (the configuration page's setConfig) and that
 * deep links from cards must name to open that tab: one source for the tab and the bot.
 */
export const boardTabEntityId = (boardId: string): string => `board-${boardId}`;
