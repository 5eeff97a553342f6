import type { SignedIn } from "./bench-live.mjs";
export function benchFollow(options: {
  baseUrl: string;
  attendeeBaseUrl?: string;
  boardId: string;
  presenter: SignedIn;
  attendee: SignedIn;
  runs?: number;
}): Promise<{ p50Ms: number; p95Ms: number; runs: number }>;
export interface StorageLink {
  connectionString: string;
  counts: { reads: number; writes: number; readsByTable: Record<string, number> };
  reset(): void;
  close(): Promise<void>;
}
export function countingStorageLink(azuriteConnectionString: string): Promise<StorageLink>;
export function benchMoveCost(options: {
  baseUrl: string;
  countedBaseUrl: string;
  link: StorageLink;
  connectionString: string;
  tablePrefix: string;
  boardId: string;
  presenter: SignedIn;
  attendees: SignedIn[];
  attendeeObjectIds: string[];
  moves?: number;
}): Promise<{
  attendees: number;
  moves: number;
  readsPerAttendeePerMove: number;
  readsByTable: Record<string, number>;
  accessRecordsPerAttendeePerMove: number;
  accessRecordsPerDetailsShown: number;
  shownWithDetails: number;
}>;
