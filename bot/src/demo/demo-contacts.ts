import type { ParticipantContact } from "../domain/contacts";
import type { BoardEntry, Instant, Member, Participant } from "../domain/types";

// Contacts for the demo (Kontakter): obviously invented names, and phone numbers from the range
// the Swedish Post and Telecom Authority keeps for fiction (070-174 06 05 … 070-174 06 99), which
// reach nobody.

const fictionPhone = (n: number): string => `070-174 06 ${String(5 + (n % 95)).padStart(2, "0")}`;

const EXTERNAL = [
  { name: "Fia Påhittad", role: "Socialsekreterare" },
  { name: "Gustav Låtsasberg", role: "Boendestödjare" },
  { name: "Hedda Exempelsson", role: "Sjuksköterska" },
  { name: "Ivar Fiktivdal", role: "AMF-guide" },
];

/** Every demo member gets a fictitious work phone (the first numbers of the range, in order). */
export function withDemoWorkPhones(members: Member[]): void {
  members.forEach((m, i) => (m.workPhone = fictionPhone(i)));
}

/**
 * For each participant on the board, each involved organisation names its contact: the case
 * manager's organisation the case manager, the others someone outside the board by name and role.
 */
export function demoContacts(
  participants: readonly Participant[],
  entries: readonly BoardEntry[],
  members: readonly Member[],
  now: Instant,
): ParticipantContact[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const onBoard = new Set(entries.map((e) => e.participantId));
  const contacts: ParticipantContact[] = [];
  let n = 0;
  for (const p of participants) {
    if (!onBoard.has(p.id)) continue;
    const caseManager = byId.get(p.caseManagerId);
    for (const organisationId of p.organisationIds) {
      const own = caseManager?.organisationId === organisationId ? caseManager : undefined;
      const writer = own ?? members.find((m) => m.organisationId === organisationId && m.role === "coordinator");
      if (!writer) continue;
      const external = EXTERNAL[n % EXTERNAL.length]!;
      contacts.push({
        boardId: p.boardId,
        participantId: p.id,
        organisationId,
        person: own
          ? { kind: "member", memberId: own.id }
          : { kind: "external", name: external.name, role: external.role, phone: fictionPhone(40 + n) },
        writtenBy: writer.id,
        writtenAt: now,
      });
      n++;
    }
  }
  return contacts;
}
