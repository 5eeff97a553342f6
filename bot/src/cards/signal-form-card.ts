import type { SignalKind, Urgency } from "@fact-board/contract";
import { type AdaptiveCard, type Locale, card, execute, notice, openInBoardAction, text, title } from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

export interface SignalFormData {
  boardId: string;
  /**
   * The first participants the sender may signal about, by code (personal chat: initials may be
   * shown); the rest are found by typing (typeahead over `participantDataset`).
   */
  participants: Array<{ id: string; code: string; initials?: string }>;
  /** Organisations of the board other than the sender's own. */
  organisations: Array<{ id: string; name: string }>;
  /** A fresh id per form, so a double click raises one signal. */
  requestId: string;
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": the tab's signal form, where the same can be sent. */
  openInBoard: string;
}

/** Teams lists at most 15 typeahead choices. */
const SEARCH_CHOICES = 15;

/** The typeahead dataset of the signal form: the board travels in it, the bot parses it back. */
export const participantDataset = (boardId: string): string => `participantsToSignal.${boardId}`;
export const boardOfParticipantDataset = (dataset: string | undefined): string | undefined =>
  /^participantsToSignal\.([A-Za-z0-9._-]{1,80})$/.exec(dataset ?? "")?.[1];

export const participantChoiceTitle = (p: { code: string; initials?: string }): string =>
  p.initials ? `${p.code} (${p.initials})` : p.code;

export function buildSignalFormCard(data: SignalFormData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"signalForm"> = { card: "signalForm", boardId: data.boardId };
  if (data.participants.length === 0 || data.organisations.length === 0) {
    return card([...notice(data.message), title(s.signalFormTitle), text(s.noParticipants)], {
      refresh: { data: ref, userIds: data.refreshUserIds },
      fallbackText: s.signalFormTitle,
    });
  }
  const kinds = (Object.keys(s.signalKind) as SignalKind[]).map((k) => ({ title: s.signalKind[k], value: k }));
  const urgencies = (Object.keys(s.urgency) as Urgency[]).map((u) => ({ title: s.urgency[u], value: u }));
  return card(
    [
      ...notice(data.message),
      title(s.signalFormTitle),
      {
        type: "Input.ChoiceSet",
        id: "participantId",
        label: s.participant,
        style: "filtered",
        placeholder: s.searchParticipant,
        choices: data.participants.map((p) => ({ title: participantChoiceTitle(p), value: p.id })),
        "choices.data": { type: "Data.Query", dataset: participantDataset(data.boardId), count: SEARCH_CHOICES },
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
      {
        type: "Input.ChoiceSet",
        id: "toOrganisationId",
        label: s.toOrganisation,
        style: "compact",
        choices: data.organisations.map((o) => ({ title: o.name, value: o.id })),
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
      {
        type: "Input.ChoiceSet",
        id: "kind",
        label: s.kind,
        style: "compact",
        choices: kinds,
        value: "concern",
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
      {
        type: "Input.ChoiceSet",
        id: "urgency",
        label: s.urgencyLabel,
        style: "expanded",
        choices: urgencies,
        value: "thisWeek",
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
      { type: "Input.Text", id: "note", label: s.note, placeholder: s.noteHint, maxLength: 300, isMultiline: true },
      {
        type: "Input.Toggle",
        id: "proposeBoard",
        label: s.putOnBoard,
        title: s.proposeBoard,
        value: "false",
        valueOn: "true",
        valueOff: "false",
      },
      text(s.openFormInBoardHint, { isSubtle: true, size: "small" }),
    ],
    {
      actions: [
        execute(s.send, "signal.raise", { ...ref, requestId: data.requestId }, { style: "positive" }),
        openInBoardAction(s.openInBoard, data.openInBoard),
      ],
      refresh: { data: ref, userIds: data.refreshUserIds },
      fallbackText: s.signalFormTitle,
    },
  );
}
