import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useMemo, type ReactNode } from "react";
import { useApi } from "../api/ApiContext";
import { errorDetail, errorText } from "../api/errorText";
import { BoardContext, type BoardContextValue } from "../board/BoardContext";
import { EntryActionsProvider } from "../board/EntryActions";
import { type FirstRead, useBoard } from "../board/useBoard";
import { useI18n } from "../i18n";
import { warmDateFormat } from "../i18n/language";

const useStyles = makeStyles({ status: { padding: tokens.spacingHorizontalL } });

/** Loads one board, keeps it live, and gives the views the board and the entry actions. */
export function BoardShell({
  boardId,
  meetingId,
  teamsChatId,
  openItem,
  firstBoard,
  children,
}: {
  boardId: string;
  /** The board's first read, when it came with "me" (the URL named it). */
  firstBoard?: FirstRead;
  meetingId?: string;
  teamsChatId?: string;
  openItem?: string;
  children: ReactNode;
}) {
  const client = useApi();
  const state = useBoard(client, boardId, firstBoard);
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const value = useMemo<BoardContextValue | undefined>(
    () =>
      state.board
        ? {
            ...state,
            board: state.board,
            boardId,
            ...(meetingId ? { meetingId } : {}),
            ...(teamsChatId ? { teamsChatId } : {}),
            ...(openItem ? { openItem } : {}),
          }
        : undefined,
    [state, boardId, meetingId, teamsChatId, openItem],
  );

  const unavailable = state.unavailable && (
    <Text block className={styles.status} role="status">
      {t("app.unavailable")}
    </Text>
  );
  if (!value) {
    if (unavailable) return unavailable;
    if (state.error)
      return (
        <div className={styles.status} role="alert" data-detail={errorDetail(state.error)}>
          <Text block>{errorText(i18n, state.error)}</Text>
          <Button onClick={() => void state.refresh()}>{t("app.retry")}</Button>
        </div>
      );
    return <Spinner className={styles.status} label={t("app.loading")} />;
  }
  return (
    <BoardContext.Provider value={value}>
      {unavailable}
      <EntryActionsProvider>{children}</EntryActionsProvider>
    </BoardContext.Provider>
  );
}

/**
 * Rendered next to the view, so it commits with the view showing the board. The bench and the
 * browser tests wait for this mark. Like the bench's floor page, it is set in the frame after the
 * board's DOM is written: a layout effect runs at that commit, a passive one may wait for a paint.
 */
export function BoardReadyMark() {
  const { locale } = useI18n();
  useLayoutEffect(() => {
    if (document.body.dataset.boardReady) return;
    requestAnimationFrame(() => {
      performance.mark("fact-board-interactive");
      document.body.dataset.boardReady = "true";
      // Intl's locale data, after the first screen (which needs none) and before the first drawer.
      const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
      idle(() => warmDateFormat(locale));
    });
  }, [locale]);
  return null;
}
