import { boardTabEntityId } from "./tab-entity";

// No zod here: the tab imports this alone (`@fact-board/contract/deep-link`) on every surface's first screen.
// Where a card's "Öppna i FACT-tavlan" lands in the tab: one item, named by a short id that travels
// as the Teams deep link's subEntityId (read by the tab from app.getContext() page.subPageId) or as
// `open=` in a plain browser URL. Ids only, never a code, initials or text: the link is visible to
// whoever sees the card, and Teams logs deep links.

export type OpenItem =
  | { item: "signal"; signalId: string }
  | { item: "consent"; participantId: string; organisationId: string }
  /** A cover request: the absence, where the asked substitute answers it. */
  | { item: "cover"; absenceId: string }
  | { item: "absence"; absenceId: string }
  | { item: "absenceForm" }
  | { item: "signalForm" }
  | { item: "myParticipants" }
  /** A participant's drawer (their plans, consents and signals), e.g. from the plans card. */
  | { item: "participant"; participantId: string };

const SEPARATOR = "~";
/** As the contract's Id, written out: the tab reads links without bundling zod. */
const ID = /^[A-Za-z0-9._-]{1,80}$/;

/** The sub-entity id of an item: "signal~<id>", "consent~<participant>~<organisation>", "absenceForm". */
export function openItemId(i: OpenItem): string {
  switch (i.item) {
    case "signal":
      return ["signal", i.signalId].join(SEPARATOR);
    case "consent":
      return ["consent", i.participantId, i.organisationId].join(SEPARATOR);
    case "cover":
    case "absence":
      return [i.item, i.absenceId].join(SEPARATOR);
    case "participant":
      return ["participant", i.participantId].join(SEPARATOR);
    default:
      return i.item;
  }
}

/** The item a sub-entity id (or `open=` value) names; undefined for anything else (an old or mangled link opens the board). */
export function parseOpenItem(value: string | null | undefined): OpenItem | undefined {
  if (!value) return undefined;
  const [kind, ...ids] = value.split(SEPARATOR);
  if (!ids.every((id) => ID.test(id))) return undefined;
  switch (kind) {
    case "signal":
      return ids.length === 1 ? { item: "signal", signalId: ids[0]! } : undefined;
    case "consent":
      return ids.length === 2 ? { item: "consent", participantId: ids[0]!, organisationId: ids[1]! } : undefined;
    case "cover":
    case "absence":
      return ids.length === 1 ? { item: kind, absenceId: ids[0]! } : undefined;
    case "participant":
      return ids.length === 1 ? { item: "participant", participantId: ids[0]! } : undefined;
    case "absenceForm":
    case "signalForm":
    case "myParticipants":
      return ids.length === 0 ? { item: kind } : undefined;
    default:
      return undefined;
  }
}

/** Where the links point: the Teams app (when there is one) and the server's own address. */
export interface LinkTargets {
  /** The Teams app's id (manifest): entity deep links open the tab inside Teams. Empty: no Teams app. */
  teamsAppId: string;
  /** The server's public address (PUBLIC_URL): the tab in any browser. */
  publicUrl: string;
}

/** The tab in a plain browser at the item (or the board): a person of another tenant, or no Teams app. */
export function browserItemUrl(
  publicUrl: string,
  boardId: string | undefined,
  item?: OpenItem,
  extra: Record<string, string> = {},
): string {
  const query: Array<[string, string]> = [
    ...(boardId ? [["board", boardId] as [string, string]] : []),
    ...Object.entries(extra),
    ...(item ? [["open", openItemId(item)] as [string, string]] : []),
  ];
  const search = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `${publicUrl.replace(/\/+$/, "")}/tab/${search ? `?${search}` : ""}`;
}

/**
 * The item in the board's tab: a Teams entity deep link whose context carries the item as
 * subEntityId (and the board's channel, where known, which a channel tab's link needs), or the
 * plain browser URL where no Teams app is configured.
 */
export function itemDeepLink(
  targets: LinkTargets,
  board: { id: string; name?: string; channelId?: string } | undefined,
  item?: OpenItem,
): string {
  if (!targets.teamsAppId || !board) return browserItemUrl(targets.publicUrl, board?.id, item);
  const context = { ...(item ? { subEntityId: openItemId(item) } : {}), ...(board.channelId ? { channelId: board.channelId } : {}) };
  const entity = boardTabEntityId(board.id);
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(targets.teamsAppId)}/${encodeURIComponent(entity)}?label=${encodeURIComponent(board.name ?? "FACT")}`;
  return Object.keys(context).length > 0 ? `${base}&context=${encodeURIComponent(JSON.stringify(context))}` : base;
}
