import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useBoardContext } from "../../board/BoardContext";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import { AdminAuditSection } from "./AdminAuditSection";
import { BoardSettingsSection } from "./BoardSettingsSection";
import { MeetingsSection } from "./MeetingsSection";
import { MembersSection } from "./MembersSection";
import { OrganisationsSection } from "./OrganisationsSection";
import { ParticipantsSection } from "./ParticipantsSection";
import { StudiesSection } from "./StudiesSection";
import { useAdmin } from "./useAdmin";
import { WorkingPatternSection } from "./WorkingPatternSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // The pages wrap to a second line on a phone rather than widen the page (as the view tabs do).
  pages: { flexWrap: "wrap" },
});

type Page = "organisations" | "members" | "participants" | "studies" | "board" | "meetings" | "log" | "pattern";

/** "Inställningar": setting up and running the board. What the viewer may change comes from the server (`may`). */
export default function SettingsView() {
  const { board, boardId } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const admin = useAdmin(boardId);
  const may = admin.overview?.may;
  const pages: Page[] = may
    ? [
        ...(may.manageOrganisations ? (["organisations"] as const) : []),
        ...(may.manageMembers || may.manageOwnOrganisation ? (["members"] as const) : []),
        "participants",
        // Research studies: admins register them, data managers export, everyone sees which there are.
        "studies",
        ...(may.configure ? (["board", "meetings"] as const) : []),
        ...(may.readAdminAudit ? (["log"] as const) : []),
        // Everyone keeps their own working hours (admins anyone's).
        "pattern",
      ]
    : [];
  const [chosen, setChosen] = useState<Page>();
  const page = chosen && pages.includes(chosen) ? chosen : pages[0];

  if (!admin.overview) return admin.error ? <AdminMessages admin={admin} /> : <Spinner label={t("app.loading")} />;
  return (
    <section className={styles.root} aria-label={t("nav.settings")}>
      <TabList
        className={styles.pages}
        selectedValue={page}
        onTabSelect={(_e, d) => {
          admin.clear();
          setChosen(d.value as Page);
        }}
        aria-label={t("admin.pages")}
      >
        {pages.map((p) => (
          <Tab key={p} value={p}>
            {t(`admin.page.${p}`)}
          </Tab>
        ))}
      </TabList>
      <AdminMessages admin={admin} />
      {page === "organisations" && <OrganisationsSection admin={admin} />}
      {page === "members" && <MembersSection admin={admin} />}
      {page === "participants" && <ParticipantsSection admin={admin} />}
      {page === "studies" && <StudiesSection admin={admin} />}
      {page === "board" && <BoardSettingsSection admin={admin} />}
      {page === "meetings" && <MeetingsSection admin={admin} />}
      {page === "log" && <AdminAuditSection admin={admin} />}
      {page === "pattern" && <WorkingPatternSection admin={admin} viewerId={board.viewer.memberId} />}
    </section>
  );
}
