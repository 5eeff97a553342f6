import type { MeResponse, MeetingList } from "@fact-board/contract";
import { Field, Radio, RadioGroup, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n";
import { errorText } from "../../api/errorText";
import type { ApiClient } from "../../api/client";
import type { Host } from "../../teams/host";
import { CreateBoardForm } from "./CreateBoardForm";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * The configurable tab's settings page: which board the tab shows and, added to a meeting, which
 * of the board's recurring meetings it is (its side panel and stage open that meeting's walkthrough).
 */
export default function ConfigView({ host, me: initial, client }: { host: Host; me: MeResponse; client?: ApiClient }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [me, setMe] = useState(initial);
  const [boardId, setBoardId] = useState(host.boardId ?? (me.boards.length === 1 ? me.boards[0]!.id : ""));
  const chosen = useRef<{ boardId: string; boardName: string; meetingId?: string }>(undefined);
  const board = me.boards.find((b) => b.id === boardId);
  const [meetings, setMeetings] = useState<{ boardId: string; list: MeetingList["meetings"] }>();
  const [meetingsError, setMeetingsError] = useState<unknown>();
  // Nothing is pre-selected: the person says which meeting this is (a re-opened configuration shows the saved one).
  const [meetingId, setMeetingId] = useState(host.meetingId ?? "");
  const [created, setCreated] = useState<string>();
  const listed = meetings?.boardId === boardId ? meetings.list : undefined;
  const meeting = listed?.find((m) => m.id === meetingId);
  // A board without a schedule has one implicit meeting: nothing to choose.
  const needsMeeting = host.inMeeting === true && listed !== undefined && listed.length > 0;
  const complete = board !== undefined && (host.inMeeting !== true || listed !== undefined) && (!needsMeeting || meeting !== undefined);
  chosen.current =
    board && complete
      ? {
          boardId: board.id,
          boardName: meeting ? `${board.name} · ${meeting.name}` : board.name,
          ...(needsMeeting && meeting ? { meetingId: meeting.id } : {}),
        }
      : undefined;

  useEffect(() => {
    if (!host.inMeeting || !boardId || !client) return;
    let live = true;
    setMeetingsError(undefined);
    client.meetings(boardId).then(
      (res) => live && setMeetings({ boardId, list: res.meetings }),
      (e: unknown) => live && setMeetingsError(e),
    );
    return () => {
      live = false;
    };
  }, [host.inMeeting, boardId, client]);

  useEffect(() => {
    host.teams?.registerConfigSave(() => chosen.current, window.location.origin);
  }, [host]);

  useEffect(() => {
    host.teams?.setConfigValid(complete);
  }, [host, complete]);

  const daysOf = (m: MeetingList["meetings"][number]) =>
    t("config.meetingDays", {
      days: m.days === "workingDays" ? t("config.workingDays") : m.days.map((d) => t(`weekday.${d}`)).join(", "),
      time: m.time,
    });

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t("config.title")}</Title3>
      {me.boards.length === 0 ? (
        client ? (
          <CreateBoardForm
            client={client}
            {...(host.channelId ? { channelId: host.channelId } : {})}
            onCreated={(next) => {
              const board = next.boards[0];
              // A plain browser goes straight to the new board (its "Kom igång" says what to set up next);
              // in Teams the configuration page stays, chosen and ready for Teams' Spara.
              if (board && !host.inTeams) {
                window.location.assign(`${window.location.origin}/tab/?board=${encodeURIComponent(board.id)}`);
                return;
              }
              setMe(next);
              setBoardId(board?.id ?? "");
              setCreated(board?.name);
            }}
          />
        ) : (
          <Text>{t("config.noBoards")}</Text>
        )
      ) : (
        <RadioGroup value={boardId} onChange={(_e, d) => setBoardId(d.value)} aria-label={t("config.intro")}>
          {me.boards.map((b) => (
            <Radio key={b.id} value={b.id} label={`${b.name} (${t(`role.${b.role}`)})`} />
          ))}
        </RadioGroup>
      )}
      {created && <Text role="status">{t("setup.createdInTeams", { name: created })}</Text>}
      {meetingsError !== undefined && <Text role="alert">{t("config.meetingsError", { problem: errorText(i18n, meetingsError) })}</Text>}
      {needsMeeting && (
        <Field label={t("config.meeting")} hint={t("config.meetingHint")}>
          <RadioGroup value={meetingId} onChange={(_e, d) => setMeetingId(d.value)}>
            {listed.map((m) => (
              <Radio key={m.id} value={m.id} label={`${m.name} (${daysOf(m)})`} />
            ))}
          </RadioGroup>
        </Field>
      )}
    </main>
  );
}
