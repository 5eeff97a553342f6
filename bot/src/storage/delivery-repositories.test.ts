// ConversationReferences and SentCards on Azurite: schema on read, odata filters, the shared error translation.
import { Conflict } from "../domain/errors";
import type { ConversationRecord } from "./conversation-reference-entity";
import { StoredEntityInvalid } from "./storage-errors";
import type { Storage } from "./table-service";
import type { TableService } from "./table-clients";
import { createTestStorageWithTables } from "./test-support";

let references: Storage["conversations"];
let sent: Storage["sentCards"];
let service: TableService;

beforeAll(async () => {
  const created = await createTestStorageWithTables();
  ({ conversations: references, sentCards: sent } = created.storage);
  service = created.service;
});

const channel = (id: string, o: Partial<ConversationRecord> = {}): ConversationRecord => ({
  kind: "channel",
  key: id,
  reference: { conversation: { id, conversationType: "channel" }, serviceUrl: "https://smba.example/" },
  boardIds: [],
  updatedAt: "2026-03-02T08:00:00.000Z",
  ...o,
});

describe("conversation references", () => {
  it("finds the channels of a board and of a team, whatever else is stored", async () => {
    await references.save(channel("19:a@thread.tacv2", { boardIds: ["b1"], teamId: "team-'1" }));
    await references.save(channel("19:b@thread.tacv2", { boardIds: ["b2"], teamId: "team-'1" }));
    await references.save(channel("19:c@thread.tacv2", { boardIds: ["b1", "b2"], teamId: "team-2" }));
    expect((await references.channelsOf("b1")).map((c) => c.key).sort()).toEqual(["19:a@thread.tacv2", "19:c@thread.tacv2"]);
    // A quote in the team id is data in the filter, not syntax.
    expect((await references.channelsOfTeam("team-'1")).map((c) => c.key).sort()).toEqual(["19:a@thread.tacv2", "19:b@thread.tacv2"]);
  });

  it("stores a person's language choice without touching the rest, and refuses a stale guarded save", async () => {
    const personal: ConversationRecord = {
      kind: "personal",
      key: "t.o1",
      reference: { user: { aadObjectId: "o1" } },
      boardIds: [],
      memberId: "t.o1",
      locale: "sv-SE",
      updatedAt: "2026-03-02T08:00:00.000Z",
    };
    await references.save(personal);
    expect(await references.chooseLocale("t.o1", "en")).toBe(true);
    expect(await references.chooseLocale("t.nobody", "en")).toBe(false);
    const stored = (await references.get("personal", "t.o1"))!;
    expect(stored).toMatchObject({ chosenLocale: "en", locale: "sv-SE", memberId: "t.o1" });
    await references.save({ ...personal, locale: "en-GB" }, { expectedEtag: stored.etag });
    await expect(references.save(personal, { expectedEtag: stored.etag })).rejects.toBeInstanceOf(Conflict);
    expect(await references.remove("personal", "t.o1")).toBe(true);
    expect(await references.remove("personal", "t.o1")).toBe(false);
  });

  it("pages through every row", async () => {
    const page = await references.page("channel", { pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.cursor).toBeDefined();
    const rest = await references.page("channel", { pageSize: 2, cursor: page.cursor! });
    expect(rest.items).toHaveLength(1);
  });

  it("reads a row that no longer matches its schema as a loud error, not as data", async () => {
    await service.tables.conversationReferences.upsertEntity(
      { partitionKey: "groupChat", rowKey: "broken", reference: "not json", updatedAt: "x" },
      "Replace",
    );
    await expect(references.get("groupChat", "broken")).rejects.toBeInstanceOf(StoredEntityInvalid);
  });
});

describe("sent cards", () => {
  it("records a send once, lists the copies of a card, and keeps the first record of a repeated send", async () => {
    const base = {
      cardKey: "escalation.b1.e1",
      conversationKind: "personal",
      conversationKey: "t.o1",
      audience: "personal" as const,
      sentAt: "2026-03-02T08:00:00.000Z",
      delivery: "sent" as const,
    };
    await sent.record({ ...base, dedupeKey: "raised.t.o1", activityId: "act-1", viewerId: "t.o1" });
    await sent.record({ ...base, dedupeKey: "raised.t.o1", activityId: "act-2", viewerId: "t.o1" });
    await sent.record({
      ...base,
      dedupeKey: "raised.channel/19:x",
      conversationKind: "channel",
      conversationKey: "19:x",
      audience: "channel",
      activityId: "act-3",
    });
    await sent.record({ ...base, cardKey: "escalation.b1.e2", dedupeKey: "raised.t.o1", activityId: "act-4" });
    const copies = await sent.listFor("escalation.b1.e1");
    expect(copies.map((c) => c.activityId).sort()).toEqual(["act-1", "act-3"]);
    expect((await sent.get("escalation.b1.e1", "raised.channel/19:x"))?.audience).toBe("channel");
    expect(await sent.get("escalation.b1.e1", "nothing")).toBeUndefined();
  });
});
