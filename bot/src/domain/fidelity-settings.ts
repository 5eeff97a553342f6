import type { Board } from "./types";

/** Per-board targets for the fidelity indicators, with the FACT scale's defaults. */
export interface FidelitySettings {
  /** The caseload band on the board, in per cent (FACT: roughly 10–20 %). */
  bandLowPercent: number;
  bandHighPercent: number;
  /** Days on the board after which a participant counts as "on longer than the limit". */
  longStayDays: number;
}

export const DEFAULT_FIDELITY_SETTINGS: FidelitySettings = { bandLowPercent: 10, bandHighPercent: 20, longStayDays: 90 };

export function fidelitySettingsOf(board: Pick<Board, "fidelity">): FidelitySettings {
  return { ...DEFAULT_FIDELITY_SETTINGS, ...board.fidelity };
}
