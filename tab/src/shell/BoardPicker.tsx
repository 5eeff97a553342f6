import type { MeResponse } from "@fact-board/contract";
import { Select } from "@fluentui/react-components";
import { useI18n } from "../i18n";

/** Which of one's boards to show, for a member of more than one: most people have one, so it loads apart. */
export function BoardPicker({
  boards,
  value,
  onChange,
}: {
  boards: MeResponse["boards"];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select aria-label={t("term.board")} value={value} onChange={(_e, d) => onChange(d.value)}>
      {boards.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </Select>
  );
}
