import type { ConsentCardView } from "../core";
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type HowShown,
  type Locale,
  card,
  execute,
  facts,
  type InBoard,
  openInBoardAction,
  notice,
  showCard,
  text,
  title,
} from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/**
 * Sent in personal chat to the person responsible for the disclosing organisation's consent: the
 * core's answer (the other organisations the form offers, pre-selected as the stored consent names
 * them, else all; whether this person may record it).
 */
export type ConsentCardData = ConsentCardView & HowShown & InBoard;

const REMIND_DAYS = [1, 3, 7, 14];

export function buildConsentCard(data: ConsentCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"consent"> = {
    card: "consent",
    boardId: data.boardId,
    participantId: data.participant.id,
    disclosingOrganisationId: data.disclosingOrganisation.id,
  };
  const who = data.participant.initials ? `${data.participant.code} (${data.participant.initials})` : data.participant.code;
  const receivers = data.receivingOrganisations;
  const body: CardElement[] = [
    ...notice(data.message),
    title(`${s.consentTitle}: ${who}`),
    text(problemText(data, locale), {
      color: data.status === "given" && (data.daysUntilExpiry ?? 99) > 30 ? "good" : "attention",
      weight: "bolder",
    }),
    facts([
      [s.consentFor, data.disclosingOrganisation.name],
      [s.state, s.consentStatus[data.status]],
      [s.givenOn, data.givenOn],
      [s.validUntil, data.validUntil],
      [s.withdrawnOn, data.withdrawnOn],
      [
        s.receivers,
        receivers
          .filter((r) => r.selected)
          .map((r) => r.name)
          .join(", ") || undefined,
      ],
    ]),
  ];

  const actions: CardAction[] = [];
  if (data.canRecord) {
    const withEtag = data.etag ? { ...ref, etag: data.etag } : { ...ref };
    const receiverInput: CardElement = {
      type: "Input.ChoiceSet",
      id: "receivingOrganisationIds",
      label: s.receivers,
      isMultiSelect: true,
      style: "expanded",
      choices: receivers.map((r) => ({ title: r.name, value: r.id })),
      value: receivers
        .filter((r) => r.selected)
        .map((r) => r.id)
        .join(","),
      isRequired: true,
      errorMessage: s.requiredChoice,
    };
    actions.push(
      showCard(
        s.recordGiven,
        [
          {
            type: "Input.Date",
            id: "givenOn",
            label: s.givenOn,
            value: data.today,
            max: data.today,
            isRequired: true,
            errorMessage: s.requiredDate,
          },
          {
            type: "Input.Date",
            id: "validUntil",
            label: s.validUntil,
            value: data.defaultValidUntil,
            min: data.today,
            isRequired: true,
            errorMessage: s.requiredDate,
          },
          receiverInput,
        ],
        [execute(s.save, "consent.given", withEtag, { style: "positive" })],
      ),
      // Declining is asked twice: one click would otherwise stop all sharing from this organisation.
      showCard(
        s.recordDeclined,
        [text(s.confirmDeclineText)],
        [execute(s.confirmDecline, "consent.declined", withEtag, { style: "destructive", associatedInputs: "none" })],
      ),
    );
    if (data.status === "given" || data.status === "expired") {
      actions.push(
        showCard(
          s.recordWithdrawn,
          [
            {
              type: "Input.Date",
              id: "withdrawnOn",
              label: s.withdrawnOn,
              value: data.today,
              max: data.today,
              isRequired: true,
              errorMessage: s.requiredDate,
            },
          ],
          [execute(s.save, "consent.withdrawn", withEtag, { style: "destructive" })],
        ),
      );
    }
    actions.push(
      showCard(
        s.remindLater,
        [
          {
            type: "Input.ChoiceSet",
            id: "days",
            label: s.remindInDays,
            style: "compact",
            value: "3",
            choices: REMIND_DAYS.map((d) => ({ title: s.days(d), value: String(d) })),
            isRequired: true,
            errorMessage: s.requiredChoice,
          },
        ],
        [execute(s.save, "consent.remindLater", ref)],
      ),
    );
  }
  if (actions.length > 0) body.push(text(s.openInBoardHint, { isSubtle: true, size: "small" }));
  actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  return card(body, {
    actions,
    refresh: { data: ref, userIds: data.refreshUserIds },
    fallbackText: `${s.consentTitle}: ${data.participant.code}`,
  });
}

function problemText(data: ConsentCardData, locale: Locale): string {
  const s = t(locale);
  switch (data.status) {
    case "notAsked":
      return s.consentMissing;
    case "withdrawn":
      return s.consentWithdrawn;
    case "expired":
      return s.consentExpired;
    case "declined":
      return s.consentDeclined;
    case "given":
      return data.daysUntilExpiry !== undefined && data.daysUntilExpiry <= 30 ? s.consentExpiring(data.daysUntilExpiry) : s.consentOk;
  }
}
