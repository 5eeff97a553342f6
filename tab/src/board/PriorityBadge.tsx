import type { Priority } from "@fact-board/contract";
import { Badge, makeStyles } from "@fluentui/react-components";
import { useI18n } from "../i18n";

// "▲ Hög" is one word to the eye: it never breaks inside the pill.
const useStyles = makeStyles({ root: { whiteSpace: "nowrap", flexShrink: 0 } });

const colour = { high: "danger", medium: "warning", low: "success" } as const;
// A shape per priority as well as colour and text: readable in high contrast and for colour blindness.
const mark = { high: "▲", medium: "■", low: "▼" } as const;

/**
 * `priority` absent: the server did not send it — the lead organisation changed it and its consent
 * does not name this viewer's organisation. Said in words, never guessed.
 */
export function PriorityBadge({
  priority,
  size = "medium",
}: {
  priority: Priority | undefined;
  size?: "small" | "medium" | "large" | "extra-large";
}) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!priority)
    return (
      <Badge appearance="outline" color="subtle" size={size} shape="rounded" className={styles.root} data-priority="hidden">
        {t("priority.hidden")}
      </Badge>
    );
  const label = t(`priority.${priority}`);
  return (
    <Badge
      appearance="filled"
      color={colour[priority]}
      size={size}
      shape="rounded"
      className={styles.root}
      aria-label={`${t("term.priority")}: ${label}`}
      data-priority={priority}
    >
      <span aria-hidden="true">{mark[priority]}&nbsp;</span>
      {label}
    </Badge>
  );
}
