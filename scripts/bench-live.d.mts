export interface SignedIn {
  token: string;
  expiresAt: string;
}
export function benchLiveUpdate(options: {
  baseUrl: string;
  boardId: string;
  writer: SignedIn;
  writerOrganisationId: string;
  viewer: SignedIn;
  runs?: number;
}): Promise<{ p50Ms: number; p95Ms: number; runs: number }>;
