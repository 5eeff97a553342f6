export interface RatiosToFloor {
  min: number;
  median: number;
  max: number;
  rounds: number;
}
export interface TabBench {
  initialJsGzipKb: number;
  boardInteractiveMs: number;
  boardInteractiveMaxMs: number;
  sidePanelInteractiveMs: number;
  sidePanelInteractiveMaxMs: number;
  /** A bare page fetching the same board with the same token: what the two above are measured against. */
  floorMs: number;
  /** Medians against the median floor. */
  boardInteractiveRatio: number;
  sidePanelInteractiveRatio: number;
  /** Each round's time over the floor taken right before and after it: what the goal (≤ 3 × in every round) is judged by. */
  boardInteractiveRatios: RatiosToFloor;
  sidePanelInteractiveRatios: RatiosToFloor;
  /** Every round's times, in round order, each surface with the mean of the two floors beside it. */
  rounds: { boardMs: number[]; floorAroundBoardMs: number[]; sidePanelMs: number[]; floorAroundSidePanelMs: number[] };
  entries: number;
  chunks: Array<{ file: string; gzipKb: number; initial?: boolean }>;
}
export function benchTab(options: { baseUrl: string; token?: string; boardId?: string; runs?: number }): Promise<TabBench>;
export function ratiosToFloor(surface: number[], floor: number[]): RatiosToFloor;
