import { useEffect, useRef } from "react";

export interface StageShortcuts {
  /** Single letters (from the language file, so they match the words on screen) → what they do. */
  [key: string]: (() => void) | undefined;
}

const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("input, textarea, select, [contenteditable='true'], [role='dialog']")) return true;
  return false;
};

/** Letter shortcuts for the presenter; never while typing in a field or inside a dialog. */
export function useStageShortcuts(shortcuts: StageShortcuts, enabled: boolean): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event.target)) return;
      if (document.querySelector("[role='dialog']")) return;
      const action = current.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
