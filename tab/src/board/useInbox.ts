import type { InboxView } from "@fact-board/contract";
import { useCallback, useEffect, useState } from "react";
import { useApi } from "../api/ApiContext";
import { useBoardContext } from "./BoardContext";

/** Att göra as the server decides it, read again whenever the board changes (an answer, a new signal). */
export function useInbox(): { inbox: InboxView | undefined; failed: boolean; reload: () => void } {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const [inbox, setInbox] = useState<InboxView>();
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let cancelled = false;
    client.inbox(boardId).then(
      (view) => {
        if (cancelled) return;
        setInbox(view);
        setFailed(false);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [client, boardId, board.version, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { inbox, failed, reload };
}
