import { useCallback, useState, type ReactNode } from "react";
import { ApiRequestError, errorMessage, isNotYourOrganisationsText } from "../api/errors";
import { useI18n, type I18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import type { ConflictRow } from "./ConflictDialog";
import { ChangeConflictDialog } from "./lazyParts";
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

interface Pending {
  title: string;
  yours: string;
  rows?: ConflictRow[];
  reapply: () => void;
  discard: () => void;
}

const hasEtag = (value: unknown): value is { etag?: string } => typeof value === "object" && value !== null && "etag" in value;

/** The server's refusal in words a person can act on; 403 and 409 each say what happened. */
export function refusalMessage({ t }: Pick<I18n, "t">, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t("app.error", { message: errorMessage(error) });
  switch (error.code) {
    case "Forbidden":
      return isNotYourOrganisationsText(error) ? t("change.notYourOrganisationsText") : t("change.forbidden");
    case "InvalidTransition":
      return t("change.invalidTransition");
    case "Conflict":
    case "AlreadyExists":
      return t("change.conflict");
    case "NotFound":
      return t("change.notFound");
    case "StorageUnavailable":
      return t("app.unavailable");
    case "Invalid":
    case "BadRequest":
      return t("change.invalid", { message: error.message });
    default:
      return t("app.error", { message: error.message });
  }
}

/**
 * Sends versioned changes the way entries are sent (EntryActions): a 409 that carries what is stored
 * now opens the conflict dialog (re-apply on top of it, or discard); any other refusal is told in words.
 * Render `dialog` where the component is.
 */
export function useVersionedChange(): { send: <V extends { etag?: string }>(change: VersionedChange<V>) => Promise<boolean>; dialog: ReactNode } {
  const i18n = useI18n();
  const { notify } = useEntryActions();
  const { refresh } = useBoardContext();
  const [pending, setPending] = useState<Pending>();

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
            return new Promise<boolean>((resolve) =>
              setPending({
                title: change.title,
                yours: change.yours,
                rows: change.rows(before, current).map((r) => ({ ...r, changed: r.before !== r.theirs })),
                reapply: () => {
                  setPending(undefined);
                  void attempt(current).then(resolve);
                },
                discard: () => {
                  setPending(undefined);
                  void refresh();
                  resolve(false);
                },
              }),
            );
          }
          notify(refusalMessage(i18n, e), "error");
          void refresh();
          return false;
        }
      };
      return attempt(change.before);
    },
    [i18n, notify, refresh],
  );

  const dialog = pending ? (
    <ChangeConflictDialog
      title={pending.title}
      intro={i18n.t("change.conflictIntro")}
      yours={pending.yours}
      rows={pending.rows}
      onReapply={pending.reapply}
      onDiscard={pending.discard}
    />
  ) : null;
  return { send, dialog };
}
