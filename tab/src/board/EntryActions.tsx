import type { BoardRow, EntryView } from "@fact-board/contract";
import { Toast, ToastTitle, Toaster, useId, useToastController } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useApi } from "../api/ApiContext";
import { ApiRequestError } from "../api/errors";
import { errorText } from "../api/errorText";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { sendChange, type ChangeResult, type EntryChange } from "./changes";
import { entryConflictContent, type ConflictContent } from "./conflicts";
import { ChangeConflictDialog } from "./lazyParts";

export type SubmitOutcome = { saved: true; result: ChangeResult } | { saved: false };

interface EntryActions {
  /** Sends one's change with the etag of the version one looked at; a conflict opens the dialog. */
  submit: (row: BoardRow, change: EntryChange) => Promise<SubmitOutcome>;
  notify: (message: string, intent?: "success" | "error" | "info") => void;
  /** Tells the person a change failed: that they may not make it, or what went wrong. */
  notifyError: (error: unknown) => void;
  /**
   * Shows the one conflict dialog (entries, signals, consents, absences alike) and answers what the
   * person chose: re-apply their change on top of what is stored now, or discard it.
   */
  askConflict: (content: ConflictContent) => Promise<"reapply" | "discard">;
}

const EntryActionsContext = createContext<EntryActions | undefined>(undefined);

export function useEntryActions(): EntryActions {
  const value = useContext(EntryActionsContext);
  if (!value) throw new Error("useEntryActions outside EntryActionsProvider");
  return value;
}

function isEntryView(value: unknown): value is EntryView {
  return typeof value === "object" && value !== null && "etag" in value && "participantId" in value && "actions" in value;
}

interface PendingConflict {
  content: ConflictContent;
  resolve: (choice: "reapply" | "discard") => void;
}

export function EntryActionsProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const { boardId, applyEntry, removeEntry, refresh } = useBoardContext();
  const i18n = useI18n();
  const toasterId = useId("entry-toaster");
  const { dispatchToast } = useToastController(toasterId);
  const [conflict, setConflict] = useState<PendingConflict>();
  const busy = useRef(false);

  const notify = useCallback(
    (message: string, intent: "success" | "error" | "info" = "success") =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === "error" ? 6000 : 2500 },
      ),
    [dispatchToast],
  );

  const notifyError = useCallback((e: unknown) => notify(errorText(i18n, e), "error"), [notify, i18n]);

  const askConflict = useCallback(
    (content: ConflictContent) => new Promise<"reapply" | "discard">((resolve) => setConflict({ content, resolve })),
    [],
  );

  const attempt = useCallback(
    async (row: BoardRow, etag: string, change: EntryChange, before: EntryView): Promise<SubmitOutcome> => {
      try {
        const result = await sendChange(client, boardId, row.participant.id, etag, change);
        if (result.kind === "entry") applyEntry(result.entry);
        else removeEntry(row.participant.id);
        return { saved: true, result };
      } catch (e) {
        if (e instanceof ApiRequestError && (e.isConflict || e.status === 404)) {
          const current = isEntryView(e.current) ? e.current : undefined;
          const choice = await askConflict(entryConflictContent(i18n, { code: row.participant.code, before, current, change }));
          // Re-applied on top of what is stored now; if that changed again, the dialog shows again.
          if (choice === "reapply" && current) return attempt({ ...row, entry: current }, current.etag, change, current);
          void refresh();
          return { saved: false };
        }
        notifyError(e);
        return { saved: false };
      }
    },
    [client, boardId, applyEntry, removeEntry, notifyError, askConflict, i18n, refresh],
  );

  const submit = useCallback(
    async (row: BoardRow, change: EntryChange) => {
      busy.current = true;
      try {
        return await attempt(row, row.entry.etag, change, row.entry);
      } finally {
        busy.current = false;
      }
    },
    [attempt],
  );

  const choose = (choice: "reapply" | "discard") => {
    conflict?.resolve(choice);
    setConflict(undefined);
  };

  const value = useMemo(() => ({ submit, notify, notifyError, askConflict }), [submit, notify, notifyError, askConflict]);
  return (
    <EntryActionsContext.Provider value={value}>
      {children}
      <Toaster toasterId={toasterId} position="bottom-end" />
      {conflict && <ChangeConflictDialog {...conflict.content} onReapply={() => choose("reapply")} onDiscard={() => choose("discard")} />}
    </EntryActionsContext.Provider>
  );
}
