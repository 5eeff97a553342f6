import type { SignedIn } from "./bench-live.mjs";
export function benchFollow(options: {
  baseUrl: string;
  boardId: string;
  presenter: SignedIn;
  attendee: SignedIn;
  runs?: number;
}): Promise<{ p50Ms: number; p95Ms: number; runs: number }>;
