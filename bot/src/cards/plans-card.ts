import type { PlanStatus, PlansView } from "@fact-board/contract";
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Locale,
  card,
  execute,
  facts,
  notice,
  text,
  title,
  openInBoardAction,
} from "./card-kit";
import { t, type CardStrings } from "./strings";
import type { RefOf } from "./verbs";

// A participant's plans in chat (issue 24): crisis plan, early-signs plan and SIP as the record's
// writer stated them — "Ej angivet" until someone says, never "Ingen" — and, for that organisation's
// people, a form to set them. Opened from "Mina deltagare".

/** "Krisplan: Ja · Plan för tidiga tecken: Ej angivet · SIP: Ja (2026-01-12), nästa 2026-07-12". */
export function plansLine(plans: PlansView, s: CardStrings): string {
  const sip = plans.sip;
  const sipText = [
    s.planStatus[sip.held],
    sip.heldOn ? `(${sip.heldOn})` : undefined,
    sip.nextFollowUpOn ? `${s.sipNextFollowUp.toLowerCase()} ${sip.nextFollowUpOn}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  return [
    `${s.crisisPlan}: ${s.planStatus[plans.crisisPlan]}`,
    `${s.earlySignsPlan}: ${s.planStatus[plans.earlySignsPlan]}`,
    `${s.sip}: ${sipText}`,
  ].join(" · ");
}

export interface PlansCardData {
  boardId: string;
  participantId: string;
  code: string;
  plans: PlansView;
  /** The participant's organisations, for who convenes the SIP. */
  organisations: Array<{ id: string; name: string }>;
  /** The participant's ETag: a stale form is refused, and the card shows how it stands now. */
  etag?: string;
  aboutUrl?: string;
  /** "Öppna i FACT-tavlan": the participant's drawer, where the same plans are set (the buttons do nothing in Teams on a phone). */
  openInBoard: string;
  message?: string;
  refreshUserIds: string[];
}

const STATUSES: PlanStatus[] = ["yes", "no", "notSet"];

export function buildPlansCard(data: PlansCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"participantPlans"> = { card: "participantPlans", boardId: data.boardId, participantId: data.participantId };
  const { plans } = data;
  const convener = data.organisations.find((o) => o.id === plans.sip.convenedBy)?.name;
  const status = (id: string, label: string, value: PlanStatus): CardElement => ({
    type: "Input.ChoiceSet",
    id,
    label,
    value,
    style: "compact",
    choices: STATUSES.map((v) => ({ title: s.planStatus[v], value: v })),
  });
  const body: CardElement[] = [
    ...notice(data.message),
    title(s.plansTitle(data.code)),
    facts([
      [s.crisisPlan, s.planStatus[plans.crisisPlan]],
      [s.earlySignsPlan, s.planStatus[plans.earlySignsPlan]],
      [s.sip, s.planStatus[plans.sip.held]],
      [s.sipHeldOn, plans.sip.heldOn],
      [s.sipNextFollowUp, plans.sip.nextFollowUpOn],
      [s.sipConvenedBy, convener],
    ]),
    ...(plans.sip.followUpOverdue ? [text(s.sipFollowUpOverdue, { color: "attention" as const, weight: "bolder" as const })] : []),
  ];
  const actions: CardAction[] = [];
  if (plans.may?.set && data.etag) {
    body.push(
      status("crisisPlan", s.crisisPlan, plans.crisisPlan),
      status("earlySignsPlan", s.earlySignsPlan, plans.earlySignsPlan),
      status("sipHeld", s.sip, plans.sip.held),
      { type: "Input.Date", id: "sipHeldOn", label: s.sipHeldOn, ...(plans.sip.heldOn ? { value: plans.sip.heldOn } : {}) },
      {
        type: "Input.Date",
        id: "sipNextFollowUpOn",
        label: s.sipNextFollowUp,
        ...(plans.sip.nextFollowUpOn ? { value: plans.sip.nextFollowUpOn } : {}),
      },
      {
        type: "Input.ChoiceSet",
        id: "sipConvenedBy",
        label: s.sipConvenedBy,
        style: "compact",
        ...(plans.sip.convenedBy ? { value: plans.sip.convenedBy } : {}),
        choices: data.organisations.map((o) => ({ title: o.name, value: o.id })),
      },
    );
    body.push(text(s.openInBoardHint, { isSubtle: true, size: "small" }));
    actions.push(execute(s.savePlans, "plans.set", { ...ref, etag: data.etag }, { style: "positive" }));
  }
  actions.push(
    execute(s.myParticipants, "open.myParticipants", { card: "myParticipants", boardId: data.boardId }, { associatedInputs: "none" }),
  );
  actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  if (data.aboutUrl) actions.push({ type: "Action.OpenUrl", title: s.aboutBoard, url: data.aboutUrl, mode: "secondary" });
  return card(body, { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.plansTitle(data.code) });
}
