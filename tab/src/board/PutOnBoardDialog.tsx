import type { BoardReason, ParticipantView, Priority } from "@fact-board/contract";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type FormEvent, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { ApiRequestError } from "../api/errors";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { addDays, priorities, reasons } from "./model";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** Ta upp på tavlan: pick one of the visible participants not yet on the board. */
export function PutOnBoardDialog({ trigger, onPutOn }: { trigger: ReactElement; onPutOn?: (participantId: string) => void }) {
  const client = useApi();
  const { board, boardId, refresh } = useBoardContext();
  const { notify } = useEntryActions();
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [candidates, setCandidates] = useState<ParticipantView[]>();
  const [query, setQuery] = useState("");
  const [participantId, setParticipantId] = useState("");
  const [reason, setReason] = useState<BoardReason>("crisis");
  const [priority, setPriority] = useState<Priority>("high");
  const [nextEvaluationOn, setNextEvaluationOn] = useState(addDays(board.today, 7));
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      client
        .participants(boardId, { q: query || undefined, offBoard: true })
        .then((list) => {
          if (cancelled) return;
          const off = list.participants.filter((p) => !p.onBoard);
          setCandidates(off);
          setParticipantId((current) => (off.some((p) => p.id === current) ? current : (off[0]?.id ?? "")));
        })
        .catch(() => !cancelled && setCandidates([]));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query, client, boardId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!participantId) return;
    setSaving(true);
    try {
      await client.putOnBoard(boardId, { participantId, reason, priority, nextEvaluationOn });
      setOpen(false);
      notify(t("entry.saved"));
      onPutOn?.(participantId);
      void refresh();
    } catch (e) {
      notify(e instanceof ApiRequestError && e.code === "Forbidden" ? t("entry.forbidden") : t("app.error", { message: e instanceof Error ? e.message : String(e) }), "error");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (data.open) {
          setCandidates(undefined);
          setQuery("");
          setNextEvaluationOn(addDays(board.today, 7));
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => void save(e)}>
          <DialogBody>
            <DialogTitle>{t("entry.putOnTitle")}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t("entry.search")}>
                <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
              </Field>
              {candidates === undefined ? (
                <Spinner size="tiny" label={t("app.loading")} />
              ) : candidates.length === 0 ? (
                <Text>{t("entry.noCandidates")}</Text>
              ) : (
                <Field label={t("board.participant")} required>
                  <Select value={participantId} onChange={(_e, d) => setParticipantId(d.value)}>
                    {candidates.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.code} · {p.initials}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Field label={t("reason.label")}>
                <Select value={reason} onChange={(_e, d) => setReason(d.value as BoardReason)}>
                  {reasons.map((r) => (
                    <option key={r} value={r}>
                      {t(`reason.${r}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("priority.label")}>
                <RadioGroup layout="horizontal" value={priority} onChange={(_e, d) => setPriority(d.value as Priority)}>
                  {priorities.map((p) => (
                    <Radio key={p} value={p} label={t(`priority.${p}`)} />
                  ))}
                </RadioGroup>
              </Field>
              <Field label={t("board.nextEvaluation")}>
                <Input type="date" value={nextEvaluationOn} min={board.today} onChange={(_e, d) => setNextEvaluationOn(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t("entry.cancel")}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={!participantId || saving}>
                {t("entry.putOn")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
