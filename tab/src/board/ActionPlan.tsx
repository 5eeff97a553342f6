import type { ActionView, BoardRow, ExternalRole } from "@fact-board/contract";
import { Button, Caption1, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { memberName, organisationName } from "./model";
import { EXTERNAL_NAME_MAX, externalRoles } from "./supportVocabulary";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginTop: tokens.spacingVerticalS },
  what: { flexGrow: 1, minWidth: "12rem" },
  meta: { color: tokens.colorNeutralForeground2 },
  // Another organisation's action (or one this viewer may not tick): read as text, never greyed out.
  line: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  mark: { flexShrink: 0, width: "1rem", textAlign: "center", fontWeight: tokens.fontWeightSemibold },
  lineText: { display: "flex", flexDirection: "column" },
});

function newActionId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `a-${Date.now()}-${Math.round(Math.random() * 1e9)}`;
}

/** Dagens plan: the entry's actions (what, who, by when, done) and a form to agree a new one. */
export function ActionPlan({ row }: { row: BoardRow }) {
  const { board } = useBoardContext();
  const { submit } = useEntryActions();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const editable = row.may.planActions;
  const [what, setWhat] = useState("");
  // Owner and date are chosen for each action, never carried over from the previous participant.
  const [who, setWho] = useState("");
  const [byWhen, setByWhen] = useState("");
  // The network: someone outside the board (who = "external:<role>"), named if wanted.
  const [externalName, setExternalName] = useState("");
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setWhat("");
    setWho("");
    setByWhen("");
    setExternalName("");
  }, [row.participant.id]);
  const memberOwner = (memberId: string) => {
    const m = board.members.find((x) => x.id === memberId);
    return m ? `${m.displayName} (${organisationName(board, m.organisationId)})` : memberName(board, memberId);
  };
  // An external owner reads with the member who wrote it and stays responsible: "AMF-guide Eva, via Ada".
  const ownerOf = (action: ActionView) =>
    action.external
      ? `${t(`externalRole.${action.external.role}`)}${action.external.name ? ` ${action.external.name}` : ""}, ${t("plan.via", {
          // The writer's organisation is the action's, named with it where it is not the viewer's.
          member: memberName(board, action.responsibleId),
        })}`
      : memberOwner(action.responsibleId);
  const externalRole = who.startsWith("external:") ? (who.slice("external:".length) as ExternalRole) : undefined;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!what.trim() || !who || !byWhen) return;
    setSaving(true);
    const owner = externalRole
      ? { external: { role: externalRole, ...(externalName.trim() ? { name: externalName.trim() } : {}) } }
      : { responsibleId: who };
    const outcome = await submit(row, { kind: "addAction", action: { id: newActionId(), what: what.trim(), ...owner, byWhen } });
    setSaving(false);
    if (outcome.saved) {
      setWhat("");
      setExternalName("");
    }
  };

  return (
    <section aria-label={t("plan.title")}>
      <Subtitle2 as="h3">{t("plan.title")}</Subtitle2>
      {row.entry.actions.length === 0 ? (
        <Text block className={styles.meta}>
          {t("plan.empty")}
        </Text>
      ) : (
        <ul className={styles.list}>
          {row.entry.actions.map((action) => {
            const label = `${action.what} — ${ownerOf(action)}, ${t("plan.byWhen").toLowerCase()} ${formatDate(action.byWhen)}`;
            return (
              <li key={action.id} data-action-written-by={action.writtenBy}>
                {editable && action.mayMarkDone ? (
                  <Checkbox
                    checked={action.done}
                    label={label}
                    onChange={(_e, data) =>
                      void submit(row, { kind: "setActionDone", actionId: action.id, what: action.what, done: data.checked === true })
                    }
                  />
                ) : (
                  <ReadOnlyAction action={action} label={label} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && (
        <form className={styles.form} onSubmit={(e) => void add(e)}>
          <Field label={t("plan.what")} className={styles.what} required>
            <Input value={what} maxLength={200} onChange={(_e, d) => setWhat(d.value)} />
          </Field>
          <Field label={t("plan.who")} required>
            <Select value={who} onChange={(_e, d) => setWho(d.value)}>
              <option value="" disabled>
                {t("form.choose")}
              </option>
              {board.organisations.map((o) => (
                <optgroup key={o.id} label={o.name}>
                  {board.members
                    .filter((m) => m.organisationId === o.id)
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.displayName}
                      </option>
                    ))}
                </optgroup>
              ))}
              <optgroup label={t("plan.ownerExternal")}>
                {externalRoles.map((r) => (
                  <option key={r} value={`external:${r}`}>
                    {t(`externalRole.${r}`)}
                  </option>
                ))}
              </optgroup>
            </Select>
          </Field>
          {externalRole && (
            <Field label={t("plan.externalName")}>
              <Input value={externalName} maxLength={EXTERNAL_NAME_MAX} onChange={(_e, d) => setExternalName(d.value)} />
            </Field>
          )}
          <Field label={t("plan.byWhen")} required>
            <Input type="date" value={byWhen} min={board.today} onChange={(_e, d) => setByWhen(d.value)} />
          </Field>
          <Button type="submit" appearance="secondary" disabled={saving || !what.trim() || !who || !byWhen}>
            {t("plan.add")}
          </Button>
        </form>
      )}
    </section>
  );
}

/**
 * An action this viewer may read but not tick (another organisation's words, or a role that does
 * not mark actions done): plain text with whether it is done and who wrote it, never a disabled
 * checkbox, which would draw exactly the lines a partner needs to read in light grey.
 */
function ReadOnlyAction({ action, label }: { action: ActionView; label: string }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.line}>
      <Text aria-hidden="true" className={styles.mark}>
        {action.done ? "✓" : "○"}
      </Text>
      <span className={styles.lineText}>
        <Text>{label}</Text>
        <Caption1 className={styles.meta}>
          {action.done ? t("plan.done") : t("plan.notDone")} ·{" "}
          {t("plan.writtenBy", { organisation: organisationName(board, action.writtenBy) })}
        </Caption1>
      </span>
    </div>
  );
}
