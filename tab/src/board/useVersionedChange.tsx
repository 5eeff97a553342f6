import { useCallback } from "react";
import { ApiRequestError } from "../api/errors";
import { errorText } from "../api/errorText";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import type { ConflictRow } from "./conflicts";
import { useEntryActions } from "./EntryActions";

/**
 * One change to a signal, a consent or an absence, sent with the etag of the version one looked at.
 * `save` gets that etag (or, after a conflict, the etag of what is stored now).
 */
export interface VersionedChange<V> {
  /** The version one looked at; undefined for a first record (a consent never recorded). */
  before: V | undefined;
  save: (etag: string | undefined) => Promise<unknown>;
  /** Title of the conflict dialog, naming what was changed ("Signal om FIK-003"). */
  title: string;
  /** One's own change in words. */
  yours: string;
  /** Before / stored now, field by field, for the conflict dialog. */
  rows: (before: V | undefined, current: V) => Omit<ConflictRow, "changed">[];
  /** Told on success. */
  savedMessage: string;
}

const hasEtag = (value: unknown): value is { etag?: string } => typeof value === "object" && value !== null && "etag" in value;

/**
 * Sends versioned changes the way entries are sent (EntryActions): a 409 that carries what is stored
 * now opens the one conflict dialog (re-apply on top of it, or discard); any other refusal is told in words.
 */
export function useVersionedChange(): { send: <V extends { etag?: string }>(change: VersionedChange<V>) => Promise<boolean> } {
  const i18n = useI18n();
  const { notify, askConflict } = useEntryActions();
  const { refresh } = useBoardContext();

  const send = useCallback(
    <V extends { etag?: string }>(change: VersionedChange<V>): Promise<boolean> => {
      const attempt = async (before: V | undefined): Promise<boolean> => {
        try {
          await change.save(before?.etag);
          notify(change.savedMessage);
          void refresh();
          return true;
        } catch (e) {
          if (e instanceof ApiRequestError && e.code === "Conflict" && hasEtag(e.current)) {
            const current = e.current as V;
            const choice = await askConflict({
              title: change.title,
              intro: i18n.t("change.conflictIntro"),
              yours: change.yours,
              rows: change.rows(before, current).map((r) => ({ ...r, changed: r.before !== r.theirs })),
            });
            if (choice === "reapply") return attempt(current);
            void refresh();
            return false;
          }
          notify(errorText(i18n, e), "error");
          void refresh();
          return false;
        }
      };
      return attempt(change.before);
    },
    [i18n, notify, refresh, askConflict],
  );
  return { send };
}
