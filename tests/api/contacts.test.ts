// Kontakter (issue 26 item 3) through HTTP on Azurite. The region writes the participant; its
// consent names Norrby and Västra, Norrby's own consent names only the region. Each organisation
// names its contact (a member of its own, or someone outside the board); Västra sees the region's
// contact but nothing of Norrby's; members add their own work phone (validated, under the ETag of
// their member record); a member contact carries the principal name a Teams chat needs once they
// have signed in, and shows as away with the substitute covering them; every read and change is
// in the access log.
import { randomUUID } from "node:crypto";
import { ContactsResponse } from "@fact-board/contract";
import { aMember } from "../support/storage";
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const karin = () => w.byName("Karin Exempeldotter"); // Norrby manager
const per = () => w.byName("Per Påhittsson"); // Västra coordinator
const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };

let counter = 0;
const unique = (who: string) => `Zqx ${who} ${++counter}`;

const theRegionsEntry = (): Promise<Fixture> =>
  aFreshParticipant(w, {
    caseManagerId: ada().id,
    onBoard: true,
    consents: [
      { from: ORG.region, to: [ORG.north, ORG.west] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });

const contactsPath = (f: Fixture) => `${BOARD}/participants/${f.participant.id}/contacts`;

async function contactsFor(member: Member, f: Fixture): Promise<ContactsResponse> {
  const res = await w.call(member, "GET", contactsPath(f));
  expect(res.status).toBe(200);
  return ContactsResponse.parse(res.body);
}

async function setOwnPhone(member: Member, phone: string | null) {
  const current = await w.call(member, "GET", `${BOARD}/me/work-phone`);
  expect(current.status).toBe(200);
  return w.call(member, "PUT", `${BOARD}/me/work-phone`, { etag: current.body.etag, phone });
}

describe("each organisation's contact", () => {
  it("shows Norrby's contact to the region, with Norrby named, and nothing of it to Västra", async () => {
    const f = await theRegionsEntry();
    const name = unique("Boendestöd");
    const norrby = await w.call(hugo(), "PUT", contactsPath(f), { kind: "external", name, role: "Boendestödjare", phone: "070-174 06 60" });
    expect(norrby.status).toBe(200);
    expect(norrby.body).toMatchObject({
      organisationId: ORG.north,
      kind: "external",
      name,
      role: "Boendestödjare",
      phone: "070-174 06 60",
    });
    const region = await w.call(ada(), "PUT", contactsPath(f), { kind: "member", memberId: ada().id });
    expect(region.status).toBe(200);

    const forAda = await contactsFor(ada(), f);
    expect(forAda.contacts.map((c) => c.organisationId)).toEqual([ORG.north, ORG.region]);
    expect(forAda.contacts[0]).toMatchObject({ name, phone: "070-174 06 60" });
    // The region reads Norrby's contact but never gets Norrby's ETag: it cannot change another organisation's.
    expect(forAda.contacts[0]!.etag).toBeUndefined();
    expect(forAda.contacts[1]!.etag).toEqual(expect.any(String));

    // Västra sees the participant and the region's contact (the region's consent names it), Norrby's nowhere.
    const forPer = await w.call(per(), "GET", contactsPath(f));
    expect(forPer.status).toBe(200);
    expect(forPer.body.contacts.map((c: { organisationId: string }) => c.organisationId)).toEqual([ORG.region]);
    expect(textOf(forPer)).not.toContain(name);
    expect(forPer.body.mayWrite).toBe(true);
  });

  it("names a member with their name and work phone, and the principal name a Teams chat needs once they have signed in", async () => {
    const f = await theRegionsEntry();
    expect((await setOwnPhone(hugo(), "+46 70 123 45 67")).status).toBe(200);
    await w.call(hugo(), "PUT", contactsPath(f), { kind: "member", memberId: hugo().id });
    const norrbys = async () => (await contactsFor(ada(), f)).contacts.find((c) => c.organisationId === ORG.north)!;
    // Not signed in yet: no principal name, so no chat link — never one naming nobody.
    expect(await norrbys()).toMatchObject({ kind: "member", name: "Hugo Fiktivsson", memberId: hugo().id, phone: "+46 70 123 45 67" });
    expect((await norrbys()).chatUser).toBeUndefined();

    // Signing in (the tab's first call) stores the token's preferred_username on his member record.
    const upn = "hugo.fiktivsson@fact-demo.example";
    expect((await w.call(hugo(), "GET", "/api/me")).status).toBe(200);
    expect((await w.app.storage.members.get(DEMO_BOARD_ID, hugo().id))?.upn).toBe(upn);
    expect(await norrbys()).toMatchObject({ memberId: hugo().id, chatUser: upn });
    // Only the contacts view carries it: not the board, and not Västra, whom Norrby's consent does not name.
    expect(textOf(await w.call(ada(), "GET", BOARD))).not.toContain(upn);
    expect(textOf(await w.call(per(), "GET", contactsPath(f)))).not.toContain(upn);

    // A changed work phone shows at once; a removed one is gone.
    expect((await setOwnPhone(hugo(), "010-123 45 67")).status).toBe(200);
    expect((await norrbys()).phone).toBe("010-123 45 67");
    expect((await setOwnPhone(hugo(), null)).status).toBe(200);
    expect((await norrbys()).phone).toBeUndefined();
  });

  it("shows a member contact who is away today as away, naming the substitute only once one covers", async () => {
    const f = await theRegionsEntry();
    const away = await w.app.storage.members.create(
      aMember(DEMO_BOARD_ID, {
        tenantId: hugo().tenantId,
        objectId: randomUUID(),
        organisationId: ORG.north,
        displayName: "Frida Frånvarande",
        substituteIds: [karin().id],
      }),
    );
    expect((await w.call(hugo(), "PUT", contactsPath(f), { kind: "member", memberId: away.id })).status).toBe(200);
    const norrbys = async () => (await contactsFor(ada(), f)).contacts.find((c) => c.organisationId === ORG.north)!;
    expect((await norrbys()).away).toBeUndefined();

    const today = w.today();
    const registered = await w.call(karin(), "POST", `${BOARD}/absences`, { memberId: away.id, from: today, to: today, reason: "sick" });
    expect([registered.status, registered.body.askedSubstituteId]).toEqual([201, karin().id]);
    // Asked, not yet answered: away, and nobody named.
    expect(await norrbys()).toMatchObject({ name: "Frida Frånvarande", away: true });
    expect((await norrbys()).substitute).toBeUndefined();

    const accepted = await w.call(karin(), "POST", `${BOARD}/absences/${registered.body.id}/cover`, {
      etag: registered.body.etag,
      answer: "accept",
    });
    expect(accepted.body.coverState).toBe("covered");
    expect(await norrbys()).toMatchObject({ away: true, substitute: { memberId: karin().id, name: "Karin Exempeldotter" } });
  });

  it("refuses a member of another organisation, and a participant the organisation may not see", async () => {
    const f = await theRegionsEntry();
    const other = await w.call(hugo(), "PUT", contactsPath(f), { kind: "member", memberId: ada().id });
    expect([other.status, other.body.error.code, other.body.error.field]).toEqual([400, "Invalid", "memberId"]);
    const hidden = await aFreshParticipant(w, {
      caseManagerId: ada().id,
      onBoard: true,
      consents: [{ from: ORG.region, to: [ORG.north] }],
    });
    expect((await w.call(per(), "PUT", contactsPath(hidden), { kind: "external", name: "A", role: "B" })).status).toBe(404);
    expect((await w.call(per(), "GET", contactsPath(hidden))).status).toBe(404);
  });

  it("changes the contact only with the ETag of the one seen, never overwriting a colleague's silently", async () => {
    const f = await theRegionsEntry();
    const first = await w.call(hugo(), "PUT", contactsPath(f), { kind: "external", name: unique("First"), role: "Socialsekreterare" });
    expect(first.status).toBe(200);
    // The same write again is a retry, answered with what it made.
    const again = await w.call(hugo(), "PUT", contactsPath(f), { kind: "external", name: first.body.name, role: "Socialsekreterare" });
    expect([again.status, again.body.etag]).toEqual([200, first.body.etag]);

    const blind = await w.call(karin(), "PUT", contactsPath(f), { kind: "member", memberId: karin().id });
    expect([blind.status, blind.body.error.code]).toEqual([409, "Conflict"]);
    expect(blind.body.error.current).toMatchObject({ name: first.body.name, etag: first.body.etag });

    const changed = await w.call(karin(), "PUT", contactsPath(f), { kind: "member", memberId: karin().id, etag: first.body.etag });
    expect(changed.status).toBe(200);
    const stale = await w.call(hugo(), "PUT", contactsPath(f), {
      kind: "external",
      name: unique("Stale"),
      role: "X",
      etag: first.body.etag,
    });
    expect(stale.status).toBe(409);
    const norrby = (await contactsFor(ada(), f)).contacts.filter((c) => c.organisationId === ORG.north);
    expect(norrby).toEqual([expect.objectContaining({ kind: "member", name: "Karin Exempeldotter" })]);
  });
});

describe("the own work phone", () => {
  it.each(["+46 70 123 45 67", "010-123 45 67", "08-123 456 78", "070-174 06 05"])("takes %s", async (phone) => {
    const res = await setOwnPhone(per(), phone);
    expect([res.status, res.body.phone]).toEqual([200, phone]);
  });

  it("refuses words, too few digits and ten digits that read as a personal identity number", async () => {
    for (const [phone, reason] of [
      ["ring växeln", undefined],
      ["12 34", undefined],
      ["0701740605", "PersonalIdentityNumber"],
    ] as const) {
      const res = await setOwnPhone(per(), phone);
      expect([phone, res.status, res.body.error.field, res.body.error.reason]).toEqual([phone, 400, "phone", reason]);
    }
  });

  it("is saved only under the ETag of the member record one read", async () => {
    const before = await w.call(per(), "GET", `${BOARD}/me/work-phone`);
    expect((await w.call(per(), "PUT", `${BOARD}/me/work-phone`, { etag: before.body.etag, phone: "010-111 22 33" })).status).toBe(200);
    const stale = await w.call(per(), "PUT", `${BOARD}/me/work-phone`, { etag: before.body.etag, phone: "010-444 55 66" });
    expect(stale.status).toBe(409);
    expect((await w.call(per(), "GET", `${BOARD}/me/work-phone`)).body.phone).toBe("010-111 22 33");
  });
});

describe("the access log", () => {
  it("logs a read of the contacts as one view of the participant, and a change as a change", async () => {
    const f = await theRegionsEntry();
    const list = async (member: Member) =>
      (await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, RANGE))
        .filter((e: AuditEvent) => e.participantId === f.participant.id)
        .map((e) => e.what);
    await w.call(hugo(), "PUT", contactsPath(f), { kind: "external", name: unique("Log"), role: "Socialsekreterare" });
    expect(await list(hugo())).toEqual(["changed"]);
    await contactsFor(per(), f);
    expect(await list(per())).toEqual(["viewedDetails"]);
  });
});
