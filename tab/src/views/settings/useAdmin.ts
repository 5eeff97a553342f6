import type { AdminOverview } from "@fact-board/contract";
import { useCallback, useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { ApiClient } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";

export interface AdminState {
  boardId: string;
  client: ApiClient;
  overview: AdminOverview | undefined;
  /** The last refusal or failure, in words (role="alert"). */
  error: string | undefined;
  /** The last change that went through (role="status"). */
  notice: string | undefined;
  reload: () => Promise<void>;
  /** Forgets the last message (another page was opened). */
  clear: () => void;
  /**
   * Sends one change made on the version the person looked at (its etag). On success the pages are
   * read again; on a conflict they are read again too, so what shows is what is stored now, and the
   * person is told to make the change again. Any other refusal is told in the server's words.
   */
  run: (change: () => Promise<unknown>, savedMessage: string) => Promise<boolean>;
}

export function useAdmin(boardId: string): AdminState {
  const client = useApi();
  const i18n = useI18n();
  const [overview, setOverview] = useState<AdminOverview>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setOverview(await client.adminOverview(boardId));
    } catch (e) {
      setError(errorText(i18n, e));
    }
  }, [client, boardId, i18n]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async (change: () => Promise<unknown>, savedMessage: string) => {
      setError(undefined);
      setNotice(undefined);
      try {
        await change();
        setNotice(savedMessage);
        await reload();
        return true;
      } catch (e) {
        setError(e instanceof ApiRequestError && e.isConflict ? i18n.t("admin.conflict") : errorText(i18n, e));
        if (e instanceof ApiRequestError && e.isConflict) await reload();
        return false;
      }
    },
    [reload, i18n],
  );

  const clear = useCallback(() => {
    setError(undefined);
    setNotice(undefined);
  }, []);

  return { boardId, client, overview, error, notice, reload, clear, run };
}
