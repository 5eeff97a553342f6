import type { BoardReason, Priority } from "@fact-board/contract";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { priorities, reasons } from "./model";

// The fields putting on the board and editing an entry ask alike.

// "" is "not chosen yet": a new entry's form pre-selects nothing, the person chooses.
export function PriorityField({
  value,
  onChange,
  required,
}: {
  value: Priority | "";
  onChange: (value: Priority) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field label={t("term.priority")} required={required}>
      <RadioGroup layout="horizontal" value={value} onChange={(_e, d) => onChange(d.value as Priority)}>
        {priorities.map((p) => (
          <Radio key={p} value={p} label={t(`priority.${p}`)} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function ReasonField({
  value,
  onChange,
  required,
}: {
  value: BoardReason | "";
  onChange: (value: BoardReason) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field label={t("term.reason")} required={required}>
      <Select value={value} onChange={(_e, d) => onChange(d.value as BoardReason)}>
        {value === "" && (
          <option value="" disabled>
            {t("form.choose")}
          </option>
        )}
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t(`reason.${r}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function NextEvaluationField({
  value,
  min,
  onChange,
  required,
}: {
  value: string;
  min?: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field label={t("term.nextEvaluation")} required={required}>
      <Input type="date" value={value} min={min} onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );
}
