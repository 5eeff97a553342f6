import { Suspense, lazy, type ComponentProps } from "react";

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
