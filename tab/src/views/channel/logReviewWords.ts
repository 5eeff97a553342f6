import type { LogReviewView } from "@fact-board/contract";
import type { I18n, MessageKey } from "../../i18n";

export type LogReviewItem = LogReviewView["items"][number];
export type MarkStatus = NonNullable<LogReviewItem["mark"]>["status"];

/** The last `count` calendar months up to the board's today, newest first (YYYY-MM): the periods one may open. */
export function recentPeriods(today: string, count = 12): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_v, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** "november 2026" in the viewer's locale. */
export function periodLabel(locale: string, period: string): string {
  const [y, m] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** Why a record was drawn, in words; a rule the tab does not know yet is shown as it is. */
export function ruleWords({ t }: Pick<I18n, "t">, rule: string): string {
  return t(`logReview.rule.${rule}` as MessageKey, { defaultValue: rule });
}

export function markWords({ t }: Pick<I18n, "t">, mark: { status: MarkStatus; note?: string } | undefined): string {
  if (!mark) return t("logReview.unmarked");
  const status = t(`logReview.status.${mark.status}`);
  return mark.note ? `${status}: ${mark.note}` : status;
}
