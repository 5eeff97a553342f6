import { Suspense, cloneElement, lazy, useState, type ComponentProps, type ComponentType, type ReactElement } from "react";
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

function lazyDialog<P extends { trigger: ReactElement }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  const prefetch = () => void load().catch(() => undefined);
  return function LazyDialog(props: P) {
    const [wanted, setWanted] = useState(false);
    if (!wanted)
      return cloneElement(props.trigger as ReactElement<TriggerProps>, {
        onPointerEnter: prefetch,
        onFocus: prefetch,
        onClick: () => setWanted(true),
      });
    return (
      <Suspense fallback={props.trigger}>
        <OpenOnMount value>
          <Dialog {...props} />
        </OpenOnMount>
      </Suspense>
    );
  };
}

type PutOnProps = ComponentProps<typeof import("./PutOnBoardDialog").PutOnBoardDialog>;
type RegisterAbsenceProps = ComponentProps<typeof import("./RegisterAbsenceDialog").RegisterAbsenceDialog>;

export const PutOnBoardDialog = lazyDialog<PutOnProps>(() => import("./PutOnBoardDialog").then((m) => m.PutOnBoardDialog));
export const RegisterAbsenceDialog = lazyDialog<RegisterAbsenceProps>(() =>
  import("./RegisterAbsenceDialog").then((m) => m.RegisterAbsenceDialog),
);
