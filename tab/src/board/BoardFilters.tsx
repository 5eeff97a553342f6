import type { Priority } from "@fact-board/contract";
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { isFilterActive, memberName, priorities, type BoardFilter } from "./model";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
});

export function BoardFilters({ filter, onChange }: { filter: BoardFilter; onChange: (filter: BoardFilter) => void }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const caseManagerIds = [
    ...new Set(board.rows.flatMap((r) => [r.participant.caseManagerId, r.participant.caseManagerStandInId ?? ""]).filter(Boolean)),
  ];
  return (
    <div className={styles.root} role="group" aria-label={t("filter.title")}>
      <Field label={t("filter.organisation")}>
        <Select value={filter.organisationId ?? ""} onChange={(_e, d) => onChange({ ...filter, organisationId: d.value || undefined })}>
          <option value="">{t("filter.all")}</option>
          {board.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("term.caseManager")}>
        <Select value={filter.caseManagerId ?? ""} onChange={(_e, d) => onChange({ ...filter, caseManagerId: d.value || undefined })}>
          <option value="">{t("filter.all")}</option>
          {caseManagerIds.map((id) => (
            <option key={id} value={id}>
              {memberName(board, id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("term.priority")}>
        <Select
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
}
