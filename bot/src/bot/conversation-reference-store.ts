import type { ConversationReferenceStore, ConversationReferenceStoreAddOptions, PagedData } from "@microsoft/teamsfx";
import type { ConversationReference } from "botbuilder";
import { type ConversationKind, type ConversationRecord, type ConversationReferenceRepository, type Stored, safeKey } from "../core";

// The teamsfx ConversationReferenceStore over the ConversationReferences table (main.ts hands the bot its repository),
// so teamsfx's notification helpers could use it as they are. This file only knows the Bot
// Framework's reference shape: which row a reference belongs to. teamsfx's own `key` argument is
// ignored: the key is derived from the reference, so the same conversation always lands on the
// same row whoever stores it.

export type { ConversationKind } from "../core";

export type StoredReference = Omit<Stored<ConversationRecord>, "reference" | "updatedAt"> & { reference: Partial<ConversationReference> };

export function kindOf(reference: Partial<ConversationReference>): ConversationKind {
  const type = reference.conversation?.conversationType;
  if (type === "channel") return "channel";
  if (type === "groupChat") return "groupChat";
  return "personal";
}

export function tenantOf(reference: Partial<ConversationReference>): string | undefined {
  return reference.conversation?.tenantId ?? undefined;
}

export function keyOf(reference: Partial<ConversationReference>): { kind: ConversationKind; key: string } {
  const kind = kindOf(reference);
  if (kind === "personal") {
    const tenantId = tenantOf(reference);
    const objectId = reference.user?.aadObjectId;
    if (tenantId && objectId) return { kind, key: safeKey(`${tenantId}.${objectId}`) };
  }
  const id = reference.conversation?.id;
  if (!id) throw new Error("A conversation reference without a conversation id cannot be stored.");
  return { kind, key: safeKey(id) };
}

const toStored = (r: Stored<ConversationRecord>): StoredReference => {
  const { updatedAt: _u, reference, ...rest } = r;
  return { ...rest, reference: reference as Partial<ConversationReference> };
};

export class TableConversationReferenceStore implements ConversationReferenceStore {
  constructor(private readonly repo: ConversationReferenceRepository) {}

  /** teamsfx's interface: true when added or changed. */
  async add(_key: string, reference: Partial<ConversationReference>, options: ConversationReferenceStoreAddOptions): Promise<boolean> {
    const { kind, key } = keyOf(reference);
    const existing = await this.get(kind, key);
    if (existing && !options.overwrite) return false;
    await this.save(
      reference,
      {
        boardIds: existing?.boardIds ?? [],
        ...(existing?.teamId ? { teamId: existing.teamId } : {}),
        ...(existing?.locale ? { locale: existing.locale } : {}),
        ...(existing?.chosenLocale ? { chosenLocale: existing.chosenLocale } : {}),
      },
      existing?.etag,
    );
    return true;
  }

  /** Stores (or refreshes) a reference; `expectedEtag` guards an update, absent means create-or-replace. */
  async save(
    reference: Partial<ConversationReference>,
    extra: { boardIds?: string[]; locale?: string; teamId?: string; chosenLocale?: "sv" | "en" } = {},
    expectedEtag?: string,
  ): Promise<void> {
    const { kind, key } = keyOf(reference);
    const tenantId = tenantOf(reference);
    const record: ConversationRecord = {
      kind,
      key,
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
      boardIds: extra.boardIds ?? [],
      updatedAt: new Date().toISOString(),
      ...(tenantId ? { tenantId } : {}),
      ...(kind === "personal" && tenantId && reference.user?.aadObjectId ? { memberId: `${tenantId}.${reference.user.aadObjectId}` } : {}),
      ...(extra.locale ? { locale: extra.locale } : {}),
      ...(extra.teamId ? { teamId: extra.teamId } : {}),
      ...(extra.chosenLocale ? { chosenLocale: extra.chosenLocale } : {}),
    };
    await this.repo.save(record, expectedEtag ? { expectedEtag } : {});
  }

  async remove(_key: string, reference: Partial<ConversationReference>): Promise<boolean> {
    const { kind, key } = keyOf(reference);
    return this.repo.remove(kind, key);
  }

  async list(pageSize = 100, continuationToken?: string): Promise<PagedData<Partial<ConversationReference>>> {
    const page = await this.repo.page(undefined, { pageSize, ...(continuationToken ? { cursor: continuationToken } : {}) });
    return { data: page.items.map((r) => toStored(r).reference), ...(page.cursor ? { continuationToken: page.cursor } : {}) };
  }

  async get(kind: ConversationKind, key: string): Promise<StoredReference | undefined> {
    const r = await this.repo.get(kind, key);
    return r && toStored(r);
  }

  /** Stores the language a person chose on their personal chat. */
  chooseLocale(memberId: string, locale: "sv" | "en"): Promise<boolean> {
    return this.repo.chooseLocale(safeKey(memberId), locale);
  }

  /** The personal chat with a member, if they have installed the app (or one was opened from the team's roster). */
  personal(memberId: string): Promise<StoredReference | undefined> {
    return this.get("personal", safeKey(memberId));
  }

  async channelsOf(boardId: string): Promise<StoredReference[]> {
    return (await this.repo.channelsOf(boardId)).map(toStored);
  }

  async channelsOfTeam(teamId: string): Promise<StoredReference[]> {
    return (await this.repo.channelsOfTeam(teamId)).map(toStored);
  }
}
