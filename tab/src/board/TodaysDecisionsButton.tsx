import { Button, Spinner } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { can } from "./model";

// Opened once a day, after the walkthrough: its own chunk, out of the board's initial JS.
const TodaysDecisionsDialog = lazy(() => import("./TodaysDecisionsDialog"));

/** "Dagens beslut": the own organisation's items of today, from the channel tab, the side panel and the stage. */
export function TodaysDecisionsButton({ appearance = "secondary" }: { appearance?: "secondary" | "primary" }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!can(board, "decisions.readOwn")) return null;
  return (
    <>
      <Button appearance={appearance} onClick={() => setOpen(true)} data-open-todays-decisions="">
        {t("decisions.open")}
      </Button>
      {open && (
        <Suspense fallback={<Spinner size="tiny" label={t("decisions.loading")} />}>
          <TodaysDecisionsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
