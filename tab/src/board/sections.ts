import type { BoardView, WalkthroughView } from "@fact-board/contract";
import type { I18n } from "../i18n";
import { organisationName } from "./model";

// The walkthrough's section headings (issue 26): each organisation's block in a meeting ordered by
// organisation, and "Upptagna idag" for the participants raised for today after the board.

type Section = NonNullable<WalkthroughView["sections"]>[number];

/** The section the participant at `index` is in, if the order has sections. */
export function sectionAt(sections: WalkthroughView["sections"], index: number): Section | undefined {
  return [...(sections ?? [])].reverse().find((s) => s.from <= index);
}

export function sectionName({ t }: Pick<I18n, "t">, board: Pick<BoardView, "organisations">, section: Section): string {
  return section.kind === "raised" ? t("stage.section.raised") : organisationName(board, section.organisationId ?? "");
}

/** Each section with its positions (1-based, both included), for the order's overview. */
export function sectionRanges(sections: WalkthroughView["sections"], total: number): Array<Section & { first: number; last: number }> {
  const list = sections ?? [];
  return list.map((s, i) => ({ ...s, first: s.from + 1, last: list[i + 1]?.from ?? total }));
}
