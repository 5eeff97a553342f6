import type { AdaptiveCard } from "../cards/card-kit";
import type { StoredReference } from "./conversation-reference-store";
import { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS } from "./rate-limiter";
import type { CoreLog, SentCardRepository } from "../core";

// Proactive cards go through one queue: bounded concurrency, Teams' rate limits per conversation
// and per tenant, retries with exponential backoff, jitter and Retry-After on 429/412/502/504,
// and a dedupe key per send so a retried job or a repeated notification posts a card once.

/** How the queue reaches Teams; the real one is the CloudAdapter (adapterTransport in adapter.ts). */
export interface Transport {
  send(target: StoredReference, card: AdaptiveCard): Promise<{ activityId: string }>;
  update(target: StoredReference, activityId: string, card: AdaptiveCard): Promise<void>;
}

export interface OutgoingCard {
  /** Stable for "this card to this person about this thing", e.g. "signalRaised:<id>:<member>". */
  dedupeKey: string;
  /** The thing the card shows, e.g. "consent.<boardId>.<participantId>.<organisationId>": every copy is found by it for updates. */
  cardKey: string;
  target: StoredReference;
  card: AdaptiveCard;
  audience: "personal" | "channel";
  viewerId?: string;
}

/**
 * - sent: posted now; duplicate: posted before (or possibly posted, see uncertain): not posted again.
 * - failed: Teams kept refusing for now (throttled, 5xx): nothing posted, nothing recorded; try later.
 * - gone: the conversation is closed to the bot (403: app blocked or removed); its reference is dropped.
 * - uncertain: 504 on create. Teams often posts before timing out, and no API tells whether it did,
 *   so the attempt is recorded and not repeated here; the core may post a task card once more
 *   later, when that is safe (core/unknown-deliveries.ts).
 */
export type SendOutcome = "sent" | "duplicate" | "failed" | "gone" | "uncertain";

/** Ids of kinds and outcomes only, like every log. */
export type SenderLog = CoreLog;

export interface SenderOptions {
  transport: Transport;
  sentCards: SentCardRepository;
  concurrency?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  log?: SenderLog;
  /** Called when Teams says the bot may no longer write to a conversation (403). */
  onGone?: (target: StoredReference) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);
/** A create that timed out may have been posted: never blindly resent. Updates (PUT) are idempotent. */
const UNCERTAIN_ON_CREATE = 504;
const GONE = new Set([403]);

export class ProactiveSender {
  readonly stats = { sent: 0, updated: 0, duplicates: 0, retries: 0, failed: 0, gone: 0, uncertain: 0 };
  private readonly queue: Array<() => Promise<void>> = [];
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly perConversation = new SlidingWindowLimiter(CONVERSATION_WINDOWS);
  private readonly perTenant = new SlidingWindowLimiter(TENANT_WINDOWS);
  private readonly o: Required<Omit<SenderOptions, "log" | "onGone">> & Pick<SenderOptions, "log" | "onGone">;

  constructor(options: SenderOptions) {
    this.o = {
      concurrency: 8,
      maxAttempts: 5,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      random: Math.random,
      ...options,
    };
  }

  /** Queues a card; resolves when it is sent, known as already sent, or given up on. */
  send(card: OutgoingCard): Promise<SendOutcome> {
    return this.enqueue(async () => {
      if (await this.o.sentCards.get(card.cardKey, card.dedupeKey)) {
        this.stats.duplicates++;
        return "duplicate";
      }
      const result = await this.withRetry("send", card.target, () => this.o.transport.send(card.target, card.card));
      const base = {
        cardKey: card.cardKey,
        dedupeKey: card.dedupeKey,
        conversationKind: card.target.kind,
        conversationKey: card.target.key,
        audience: card.audience,
        sentAt: new Date(this.o.now()).toISOString(),
        ...(card.viewerId ? { viewerId: card.viewerId } : {}),
      };
      if ("failure" in result) {
        if (result.failure === "uncertain") {
          await this.o.sentCards.record({ ...base, activityId: "", delivery: "uncertain" });
          this.stats.uncertain++;
        }
        return result.failure;
      }
      await this.o.sentCards.record({ ...base, activityId: result.value.activityId, delivery: "sent" });
      this.stats.sent++;
      return "sent";
    });
  }

  /** Queues an in-place update of a posted card. */
  update(target: StoredReference, activityId: string, card: AdaptiveCard): Promise<SendOutcome> {
    return this.enqueue(async () => {
      const result = await this.withRetry("update", target, async () => {
        await this.o.transport.update(target, activityId, card);
        return true;
      });
      if ("failure" in result) return result.failure === "uncertain" ? "failed" : result.failure;
      this.stats.updated++;
      return "sent";
    });
  }

  /** Runs other background work (building cards for a notification) under the same concurrency bound. */
  run(task: () => Promise<void>): Promise<void> {
    return this.enqueue(task);
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => task().then(resolve, reject));
      this.pump();
    });
  }

  private pump(): void {
    while (this.active < this.o.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.active++;
      void next().finally(() => {
        this.active--;
        this.pump();
        if (this.active === 0 && this.queue.length === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          waiters.forEach((w) => w());
        }
      });
    }
  }

  private async withRetry<T>(
    op: "send" | "update",
    target: StoredReference,
    call: () => Promise<T>,
  ): Promise<{ value: T } | { failure: "failed" | "gone" | "uncertain" }> {
    let notBefore = 0;
    for (let attempt = 1; ; attempt++) {
      const now = this.o.now();
      const slot = Math.max(
        this.perConversation.reserve(`${target.kind}/${target.key}`, now, notBefore),
        this.perTenant.reserve(target.tenantId ?? "-", now, notBefore),
      );
      if (slot > now) await this.o.sleep(slot - now);
      try {
        return { value: await call() };
      } catch (e) {
        const status = statusOfSendError(e);
        if (op === "send" && status === UNCERTAIN_ON_CREATE) {
          this.o.log?.warn({ op, status, attempt, conversationKind: target.kind }, "proactive card may have been posted: not sent again");
          return { failure: "uncertain" };
        }
        if (status !== undefined && GONE.has(status)) {
          this.stats.gone++;
          this.o.log?.warn({ op, status, conversationKind: target.kind }, "conversation closed to the bot: reference dropped");
          await this.o.onGone?.(target);
          return { failure: "gone" };
        }
        if (status !== undefined && RETRYABLE.has(status) && attempt < this.o.maxAttempts) {
          this.stats.retries++;
          const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
          const jittered = backoff / 2 + this.o.random() * (backoff / 2);
          const retryAfter = retryAfterMs(e);
          notBefore = this.o.now() + Math.max(jittered, retryAfter ?? 0);
          continue;
        }
        this.stats.failed++;
        // Ids of kinds only: no names, codes or card content in logs.
        this.o.log?.error({ op, status, attempt, conversationKind: target.kind }, "proactive card not delivered");
        return { failure: "failed" };
      }
    }
  }
}

export function statusOfSendError(e: unknown): number | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const x = e as { statusCode?: number; status?: number; response?: { status?: number } };
  return x.statusCode ?? x.status ?? x.response?.status;
}

/** Retry-After in seconds (or an HTTP date), from however the connector client exposes headers. */
export function retryAfterMs(e: unknown): number | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const headers = (e as { response?: { headers?: unknown } }).response?.headers as
    { get?: (name: string) => string | undefined | null; [k: string]: unknown } | undefined;
  const raw = typeof headers?.get === "function" ? headers.get("retry-after") : (headers?.["retry-after"] as string | undefined);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(raw));
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
