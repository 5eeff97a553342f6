import type { BoardView, DecisionLine, TodaysDecisions } from "@fact-board/contract";
import type { I18n } from "../i18n";
import { memberName, organisationName } from "./model";

// "Dagens beslut" in words: the same lines on screen, on paper and as the plain text one copies
// into the organisation's own records.

export function decisionLineText(
  line: DecisionLine,
  board: Pick<BoardView, "members" | "organisations">,
  i18n: Pick<I18n, "t" | "formatDate">,
): string {
  const { t, formatDate } = i18n;
  switch (line.kind) {
    case "putOn":
      return t("decisions.line.putOn", {
        reason: `${t(`reason.${line.reason}`)}${line.reasonNote ? ` – ${line.reasonNote}` : ""}`,
        priority: t(`priority.${line.priority}`),
      });
    case "priority":
      return t("decisions.line.priority", { priority: t(`priority.${line.priority}`) });
    case "takenOff":
      return t("decisions.line.takenOff", { outcome: `${t(`outcome.${line.outcome}`)}${line.note ? ` – ${line.note}` : ""}` });
    case "sinceLast":
      return t("decisions.line.sinceLast", { text: line.text });
    case "action":
      return `${t("decisions.line.action", { what: line.what, who: memberName(board, line.responsibleId), date: formatDate(line.byWhen) })}${
        line.done ? ` ${t("decisions.line.actionDone")}` : ""
      }`;
    case "signal":
      return `${t("decisions.line.signal", {
        organisation: organisationName(board, line.toOrganisationId),
        kind: t(`signal.${line.signalKind}`),
        urgency: t(`urgency.${line.urgency}`),
      })}${line.note ? ` – ${line.note}` : ""}`;
  }
}

/** The whole list as plain text: a heading, then each participant code with its lines. */
export function decisionsText(
  decisions: TodaysDecisions,
  board: Pick<BoardView, "members" | "organisations">,
  i18n: Pick<I18n, "t" | "formatDate">,
): string {
  const heading = `${i18n.t("decisions.title", { organisation: organisationName(board, decisions.organisationId) })}, ${i18n.formatDate(decisions.date)}`;
  const blocks = decisions.participants.map((p) => [p.code, ...p.lines.map((l) => `- ${decisionLineText(l, board, i18n)}`)].join("\n"));
  return [heading, ...(blocks.length ? blocks : [i18n.t("decisions.empty")])].join("\n\n");
}
