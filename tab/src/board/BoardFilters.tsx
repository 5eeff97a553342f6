import type { Priority } from "@fact-board/contract";
import { Button, Checkbox, Field, Select, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { activeFilterCount, isFilterActive, memberName, priorities, type BoardFilter } from "./model";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  // On a phone: one field under the other, each as wide as the screen (a long organisation name included).
  stacked: { flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  field: { minWidth: 0, maxWidth: "100%" },
  // A long organisation name is cut in the closed select, not allowed to widen the page.
  select: { width: "100%", minWidth: 0 },
  toggle: { alignSelf: "flex-start" },
  collapsible: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The channel board's filters. `collapsible` (a narrow screen): behind one "Filter" button, which says
 * how many are on, so the board itself starts on the first screen.
 */
export function BoardFilters({
  filter,
  onChange,
  collapsible = false,
}: {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  collapsible?: boolean;
}) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const fieldsId = useId("filters");
  const caseManagerIds = [
    ...new Set(board.rows.flatMap((r) => [r.participant.caseManagerId, r.participant.caseManagerStandInId ?? ""]).filter(Boolean)),
  ];
  const fields = (
    <div id={fieldsId} className={mergeClasses(styles.root, collapsible && styles.stacked)} role="group" aria-label={t("filter.title")}>
      <Field label={t("filter.organisation")} className={styles.field}>
        <Select
          className={styles.select}
          value={filter.organisationId ?? ""}
          onChange={(_e, d) => onChange({ ...filter, organisationId: d.value || undefined })}
        >
          <option value="">{t("filter.all")}</option>
          {board.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("term.caseManager")} className={styles.field}>
        <Select
          className={styles.select}
          value={filter.caseManagerId ?? ""}
          onChange={(_e, d) => onChange({ ...filter, caseManagerId: d.value || undefined })}
        >
          <option value="">{t("filter.all")}</option>
          {caseManagerIds.map((id) => (
            <option key={id} value={id}>
              {memberName(board, id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("term.priority")} className={styles.field}>
        <Select
          className={styles.select}
          value={filter.priority ?? ""}
          onChange={(_e, d) => onChange({ ...filter, priority: (d.value || undefined) as Priority | undefined })}
        >
          <option value="">{t("filter.all")}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={t("filter.consentProblems")}
        checked={filter.consentProblems === true}
        onChange={(_e, d) => onChange({ ...filter, consentProblems: d.checked === true })}
      />
      <Checkbox
        label={t("filter.openSignals")}
        checked={filter.openSignals === true}
        onChange={(_e, d) => onChange({ ...filter, openSignals: d.checked === true })}
      />
      {isFilterActive(filter) && (
        <Button appearance="subtle" onClick={() => onChange({})}>
          {t("filter.clear")}
        </Button>
      )}
    </div>
  );
  if (!collapsible) return fields;
  const active = activeFilterCount(filter);
  return (
    <div className={styles.collapsible}>
      <Button className={styles.toggle} aria-expanded={open} aria-controls={fieldsId} onClick={() => setOpen((o) => !o)}>
        {active > 0 ? t("filter.toggleActive", { count: active }) : t("filter.title")}
      </Button>
      {open && fields}
    </div>
  );
}
