import type { AbsenceReason, CoverState } from "@fact-board/contract";
import { type AdaptiveCard, type CardElement, type Locale, card, execute, facts, notice, openInBoardAction, text, title } from "./card-kit";
import { dateRange } from "./format";
import { t } from "./strings";
import type { RefOf } from "./verbs";

export interface AbsenceFormData {
  boardId: string;
  today: string;
  /** Sent with the registration: the same form submitted again registers one absence. Absent on receipts. */
  requestId?: string;
  /** After a successful registration: the form turns into a receipt. */
  registered?: { from: string; to: string; state: CoverState; askedSubstituteName?: string };
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": the tab's absence form, where the same can be registered. */
  openInBoard: string;
}

export function buildAbsenceFormCard(data: AbsenceFormData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"absenceForm"> = { card: "absenceForm", boardId: data.boardId };
  if (data.registered) {
    const r = data.registered;
    const next: CardElement[] =
      r.state === "requesting" && r.askedSubstituteName
        ? [text(s.whoIsAsked(r.askedSubstituteName))]
        : r.state === "uncovered"
          ? [text(s.nobodyToAsk, { color: "attention" })]
          : [];
    return card(
      [
        ...notice(data.message),
        title(s.absenceRegistered),
        facts([
          [s.dates, dateRange(r.from, r.to)],
          [s.state, s.coverState[r.state]],
        ]),
        ...next,
      ],
      // A receipt does not refresh into a fresh form: the cover card tracks the request from here on.
      { fallbackText: s.absenceRegistered },
    );
  }
  const reasons = (Object.keys(s.absenceReason) as AbsenceReason[]).map((r) => ({ title: s.absenceReason[r], value: r }));
  return card(
    [
      ...notice(data.message),
      title(s.absenceFormTitle),
      {
        type: "Input.Date",
        id: "from",
        label: s.absenceFrom,
        value: data.today,
        min: data.today,
        isRequired: true,
        errorMessage: s.requiredDate,
      },
      {
        type: "Input.Date",
        id: "to",
        label: s.absenceTo,
        value: data.today,
        min: data.today,
        isRequired: true,
        errorMessage: s.requiredDate,
      },
      {
        type: "Input.ChoiceSet",
        id: "reason",
        label: s.reason,
        choices: reasons,
        value: "vacation",
        style: "compact",
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
      text(s.openFormInBoardHint, { isSubtle: true, size: "small" }),
    ],
    {
      actions: [
        execute(
          s.register,
          "absence.register",
          { ...ref, ...(data.requestId ? { requestId: data.requestId } : {}) },
          { style: "positive" },
        ),
        openInBoardAction(s.openInBoard, data.openInBoard),
      ],
      refresh: { data: ref, userIds: data.refreshUserIds },
      fallbackText: s.absenceFormTitle,
    },
  );
}
