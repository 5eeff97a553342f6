import type { BoardReason, Priority } from "@fact-board/contract";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { priorities, reasons } from "./model";

// The fields putting on the board and editing an entry ask alike.

export function PriorityField({ value, onChange }: { value: Priority; onChange: (value: Priority) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("priority.label")}>
      <RadioGroup layout="horizontal" value={value} onChange={(_e, d) => onChange(d.value as Priority)}>
        {priorities.map((p) => (
          <Radio key={p} value={p} label={t(`priority.${p}`)} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function ReasonField({ value, onChange }: { value: BoardReason; onChange: (value: BoardReason) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("reason.label")}>
      <Select value={value} onChange={(_e, d) => onChange(d.value as BoardReason)}>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t(`reason.${r}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function NextEvaluationField({ value, min, onChange }: { value: string; min?: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("board.nextEvaluation")}>
      <Input type="date" value={value} min={min} onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );
}
