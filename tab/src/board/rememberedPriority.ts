import type { Priority } from "@fact-board/contract";
import { useMemo } from "react";

// Defaults that only save clicks (issue 24): the next evaluation a week ahead (as the server's
// DEFAULT_EVALUATION_DAYS), and the priority a person chose last time, remembered in this browser
// for that person (it says nothing about any participant, so the browser may keep it).

export const DEFAULT_EVALUATION_DAYS = 7;

const PRIORITIES: readonly string[] = ["high", "medium", "low"];
const keyOf = (memberId: string) => `factBoard.lastPriority.${memberId}`;

export interface RememberedPriority {
  read: () => Priority | undefined;
  remember: (priority: Priority) => void;
}

export function rememberedPriority(memberId: string, storage: Pick<Storage, "getItem" | "setItem"> | undefined): RememberedPriority {
  return {
    read: () => {
      try {
        const value = storage?.getItem(keyOf(memberId));
        return value && PRIORITIES.includes(value) ? (value as Priority) : undefined;
      } catch {
        return undefined;
      }
    },
    remember: (priority) => {
      try {
        storage?.setItem(keyOf(memberId), priority);
      } catch {
        // A browser that keeps nothing (private mode, storage full) just asks again next time.
      }
    },
  };
}

const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function useRememberedPriority(memberId: string): RememberedPriority {
  return useMemo(() => rememberedPriority(memberId, browserStorage()), [memberId]);
}
