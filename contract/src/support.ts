import { z } from "zod";
import { Id } from "./common";
import { CalendarDate, ExternalRole, Instant, InterventionKind } from "./vocabulary";

// Issue 26, items 2 and 4: ongoing support per organisation (Pågående insatser), the network
// outside the board and the participant's own goal. Each is its writing organisation's own item,
// shown only under that organisation's consent.

/** One organisation's ongoing (or, in the history, ended) intervention for a participant. */
export const InterventionView = z.object({
  id: Id,
  participantId: Id,
  /** The organisation that keeps it: only it edits or ends it. */
  organisationId: Id,
  kind: InterventionKind,
  label: z.string().optional(),
  startedOn: CalendarDate.optional(),
  /** Set when ended: it is then history. */
  endedOn: CalendarDate.optional(),
  writtenBy: z.string(),
  writtenAt: Instant,
  /** Only on the viewer's own organisation's interventions: what an edit or end sends back. */
  etag: z.string().optional(),
});
export type InterventionView = z.infer<typeof InterventionView>;

/** The participant's own goal (Deltagarens mål): written by the case manager's organisation, shown by its consent. */
export const GoalView = z.object({
  text: z.string(),
  organisationId: Id,
  writtenBy: z.string(),
  writtenAt: Instant,
});
export type GoalView = z.infer<typeof GoalView>;

/** Who outside the board does an action; the action's `responsibleId` is the member who wrote it ("via"). */
export const ExternalOwnerView = z.object({ role: ExternalRole, name: z.string().optional() });
export type ExternalOwnerView = z.infer<typeof ExternalOwnerView>;
