export interface TabBench {
  initialJsGzipKb: number;
  boardInteractiveMs: number;
  entries: number;
  chunks: Array<{ file: string; gzipKb: number; initial?: boolean }>;
}
export function benchTab(options: { baseUrl: string; token?: string; boardId?: string; runs?: number }): Promise<TabBench>;
