import { Field, Input } from "@fluentui/react-components";

// The one date-range field (an absence's from–to, a consent's given on–valid until): two calendar
// dates, the second never before the first, and the error said on the second.

export interface DateRange {
  from: string;
  to: string;
}

/** Both dates given, and the end not before the start (YYYY-MM-DD compares as text). */
export function isRangeValid({ from, to }: DateRange): boolean {
  return Boolean(from && to && to >= from);
}

export function DateRangeField({
  value,
  onChange,
  fromLabel,
  toLabel,
  wrongMessage,
  latestFrom,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  fromLabel: string;
  toLabel: string;
  /** Shown on the end date while the range is not valid. */
  wrongMessage: string;
  /** The latest start allowed (a consent cannot be given in the future). */
  latestFrom?: string;
}) {
  const wrong = !isRangeValid(value);
  return (
    <>
      <Field label={fromLabel} required>
        <Input type="date" value={value.from} max={latestFrom} onChange={(_e, d) => onChange({ ...value, from: d.value })} />
      </Field>
      <Field label={toLabel} required validationState={wrong ? "error" : "none"} validationMessage={wrong ? wrongMessage : undefined}>
        <Input type="date" value={value.to} min={value.from || undefined} onChange={(_e, d) => onChange({ ...value, to: d.value })} />
      </Field>
    </>
  );
}
