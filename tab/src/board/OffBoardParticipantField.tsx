import type { ParticipantView } from "@fact-board/contract";
import { Field, Input, Select, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";

// Choosing a registered participant who is not on the board (to put them on, or to raise them for
// today): searched on the server as the person types, only those their organisation may see.
// Nothing is pre-selected: who it is about is always the person's own choice.

export interface OffBoardChoice {
  candidates: ParticipantView[] | undefined;
  query: string;
  setQuery(query: string): void;
  participantId: string;
  setParticipantId(id: string): void;
  /** Back to nothing chosen, for a dialog opened again. */
  reset(): void;
}

export function useOffBoardChoice(open: boolean): OffBoardChoice {
  const client = useApi();
  const { boardId } = useBoardContext();
  const [candidates, setCandidates] = useState<ParticipantView[]>();
  const [query, setQuery] = useState("");
  const [participantId, setParticipantId] = useState("");

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    // Typing settles before the server is asked.
    const timer = setTimeout(() => {
      client
        .participants(boardId, { q: query || undefined, offBoard: true })
        .then((list) => {
          if (cancelled) return;
          const off = list.participants.filter((p) => !p.onBoard);
          setCandidates(off);
          setParticipantId((current) => (off.some((p) => p.id === current) ? current : ""));
        })
        .catch(() => !cancelled && setCandidates([]));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query, client, boardId]);

  return {
    candidates,
    query,
    setQuery,
    participantId,
    setParticipantId,
    reset() {
      setCandidates(undefined);
      setQuery("");
      setParticipantId("");
    },
  };
}

/** The search box and the participant list of an OffBoardChoice. */
export function OffBoardParticipantField({ choice }: { choice: OffBoardChoice }) {
  const { t } = useI18n();
  const { candidates, participantId } = choice;
  return (
    <>
      <Field label={t("entry.search")}>
        <Input type="search" value={choice.query} onChange={(_e, d) => choice.setQuery(d.value)} />
      </Field>
      {candidates === undefined ? (
        <Spinner size="tiny" label={t("app.loading")} />
      ) : candidates.length === 0 ? (
        <Text>{t("entry.noCandidates")}</Text>
      ) : (
        <Field label={t("term.participant")} required>
          <Select value={participantId} onChange={(_e, d) => choice.setParticipantId(d.value)}>
            {participantId === "" && (
              <option value="" disabled>
                {t("form.choose")}
              </option>
            )}
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.initials}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
