export interface TabBench {
  initialJsGzipKb: number;
  boardInteractiveMs: number;
  boardInteractiveMaxMs: number;
  sidePanelInteractiveMs: number;
  sidePanelInteractiveMaxMs: number;
  /** A bare page fetching the same board with the same token: what the two above are measured against. */
  floorMs: number;
  boardInteractiveRatio: number;
  sidePanelInteractiveRatio: number;
  entries: number;
  chunks: Array<{ file: string; gzipKb: number; initial?: boolean }>;
}
export function benchTab(options: { baseUrl: string; token?: string; boardId?: string; runs?: number }): Promise<TabBench>;
