import type { BoardRow } from "@fact-board/contract";
import { type OpenItem, parseOpenItem } from "@fact-board/contract/deep-link";
import { useEffect, useRef, useState } from "react";
import { useBoardContext } from "./BoardContext";

/**
 * Opens the item a card's "Öppna i FACT-tavlan" names (Teams' subEntityId, or `open=` in a
 * browser), once, where the card's own buttons can be used: a signal, a consent or a participant's
 * plans in the participant's drawer; an absence or cover request is marked in the absence list
 * (AbsencePanel reads `openedAbsenceId`). `missing`: the item is gone, or not for this viewer.
 */
export function useOpenItem(openRow: (row: BoardRow) => void): { missing: boolean } {
  const { board, openItem } = useBoardContext();
  const [missing, setMissing] = useState(false);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !openItem) return;
    done.current = true;
    const item = parseOpenItem(openItem);
    if (!item) return;
    const participantId = participantOf(item, board.signals);
    if (participantId !== undefined) {
      const row = board.rows.find((r) => r.participant.id === participantId);
      if (row) openRow(row);
      else setMissing(true);
    } else if ((item.item === "cover" || item.item === "absence") && !board.absences.some((a) => a.id === item.absenceId)) {
      setMissing(true);
    }
  }, [openItem, board, openRow]);
  return { missing };
}

function participantOf(item: OpenItem, signals: ReadonlyArray<{ id: string; participantId: string }>): string | undefined {
  if (item.item === "consent" || item.item === "participant") return item.participantId;
  if (item.item === "signal") return signals.find((s) => s.id === item.signalId)?.participantId ?? "";
  return undefined;
}

/** The absence a link opened the tab at, if it names one. */
export function openedAbsenceId(openItem: string | undefined): string | undefined {
  const item = parseOpenItem(openItem);
  return item && (item.item === "cover" || item.item === "absence") ? item.absenceId : undefined;
}

/** The form a link opened the tab at (the absence or signal form, or the viewer's own participants), if it names one. */
export function openedForm(openItem: string | undefined): "absenceForm" | "signalForm" | "myParticipants" | undefined {
  const item = parseOpenItem(openItem);
  return item && (item.item === "absenceForm" || item.item === "signalForm" || item.item === "myParticipants") ? item.item : undefined;
}
