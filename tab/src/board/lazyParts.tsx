import { makeStyles } from "@fluentui/react-components";
import {
  Suspense,
  cloneElement,
  lazy,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type ComponentType,
  type ReactElement,
  type RefObject,
} from "react";
import { OpenOnMount } from "./openOnMount";

// Parts most page loads never show: they download on demand, and rows prefetch the participant
// drawer on hover or focus so that opening it still feels instant.
const loadDetail = () => import("./ParticipantDetail");
const loadConflict = () => import("./ConflictDialog");

const Detail = lazy(() => loadDetail().then((m) => ({ default: m.ParticipantDetail })));
const ChangeConflict = lazy(() => loadConflict().then((m) => ({ default: m.ChangeConflictDialog })));

export function prefetchParticipantDetail(): void {
  loadDetail().catch(() => undefined);
}

type DetailProps = ComponentProps<typeof import("./ParticipantDetail").ParticipantDetail>;
type ChangeConflictProps = ComponentProps<typeof import("./ConflictDialog").ChangeConflictDialog>;

// Each in its own Suspense with nothing as fallback: the view around it stays on screen while it loads.
export function ParticipantDetail(props: DetailProps) {
  return (
    <Suspense fallback={null}>
      <Detail {...props} />
    </Suspense>
  );
}

export function ChangeConflictDialog(props: ChangeConflictProps) {
  return (
    <Suspense fallback={null}>
      <ChangeConflict {...props} />
    </Suspense>
  );
}

/**
 * A form dialog that loads when first wanted: until then only its trigger is on the page, which
 * prefetches the dialog on hover or focus; pressing it loads the dialog and opens it at once.
 */
type TriggerProps = { onPointerEnter?: () => void; onFocus?: () => void; onClick?: () => void };

const useStyles = makeStyles({ contents: { display: "contents" } });

/**
 * The trigger pressed first is replaced by the loaded dialog's own: focus moves to that one as the
 * dialog opens (a layout effect, before the dialog focuses its first field), so closing the dialog
 * returns focus to the button, not to the top of the page.
 */
function FocusTrigger({ within }: { within: RefObject<HTMLSpanElement | null> }) {
  useLayoutEffect(() => {
    within.current?.querySelector<HTMLElement>("button, [href], [tabindex]")?.focus();
  }, [within]);
  return null;
}

/** `openAtStart`: a card's "Öppna i FACT-tavlan" asked for this form: it loads and opens with the page. */
function lazyDialog<P extends { trigger: ReactElement }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  const prefetch = () => void load().catch(() => undefined);
  return function LazyDialog({ openAtStart = false, ...rest }: P & { openAtStart?: boolean }) {
    const props = rest as unknown as P;
    const [wanted, setWanted] = useState(openAtStart);
    const styles = useStyles();
    const wrapper = useRef<HTMLSpanElement>(null);
    if (!wanted)
      return cloneElement(props.trigger as ReactElement<TriggerProps>, {
        onPointerEnter: prefetch,
        onFocus: prefetch,
        onClick: () => setWanted(true),
      });
    return (
      <span ref={wrapper} className={styles.contents}>
        <Suspense fallback={props.trigger}>
          <OpenOnMount value>
            <FocusTrigger within={wrapper} />
            <Dialog {...props} />
          </OpenOnMount>
        </Suspense>
      </span>
    );
  };
}

type PutOnProps = ComponentProps<typeof import("./PutOnBoardDialog").PutOnBoardDialog>;
type RegisterAbsenceProps = ComponentProps<typeof import("./RegisterAbsenceDialog").RegisterAbsenceDialog>;

export const PutOnBoardDialog = lazyDialog<PutOnProps>(() => import("./PutOnBoardDialog").then((m) => m.PutOnBoardDialog));
type RaiseTodayProps = ComponentProps<typeof import("./RaiseTodayDialog").RaiseTodayDialog>;
export const RaiseTodayDialog = lazyDialog<RaiseTodayProps>(() => import("./RaiseTodayDialog").then((m) => m.RaiseTodayDialog));
export const RegisterAbsenceDialog = lazyDialog<RegisterAbsenceProps>(() =>
  import("./RegisterAbsenceDialog").then((m) => m.RegisterAbsenceDialog),
);

// Att göra's answers that open a form: the inbox is on every surface's first screen, its forms are not.
type DeclineSignalProps = ComponentProps<typeof import("./SignalDialogs").DeclineSignalDialog>;
type RecordConsentProps = ComponentProps<typeof import("./RecordConsentDialog").RecordConsentDialog>;
type RaiseSignalProps = ComponentProps<typeof import("./SignalDialogs").RaiseSignalDialog>;
export const RaiseSignalDialog = lazyDialog<RaiseSignalProps>(() => import("./SignalDialogs").then((m) => m.RaiseSignalDialog));
export const DeclineSignalDialog = lazyDialog<DeclineSignalProps>(() => import("./SignalDialogs").then((m) => m.DeclineSignalDialog));
export const RecordConsentDialog = lazyDialog<RecordConsentProps>(() => import("./RecordConsentDialog").then((m) => m.RecordConsentDialog));
