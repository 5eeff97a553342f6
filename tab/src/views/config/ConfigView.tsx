import type { MeResponse } from "@fact-board/contract";
import { Radio, RadioGroup, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n";
import type { ApiClient } from "../../api/client";
import type { Host } from "../../teams/host";
import { CreateBoardForm } from "./CreateBoardForm";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** The configurable tab's settings page: which board the channel tab shows. */
export default function ConfigView({ host, me: initial, client }: { host: Host; me: MeResponse; client?: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [me, setMe] = useState(initial);
  const [boardId, setBoardId] = useState(host.boardId ?? (me.boards.length === 1 ? me.boards[0]!.id : ""));
  const chosen = useRef<{ boardId: string; boardName: string }>(undefined);
  const board = me.boards.find((b) => b.id === boardId);
  chosen.current = board ? { boardId: board.id, boardName: board.name } : undefined;

  useEffect(() => {
    host.teams?.registerConfigSave(() => chosen.current, window.location.origin);
  }, [host]);

  useEffect(() => {
    host.teams?.setConfigValid(board !== undefined);
  }, [host, board]);

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t("config.title")}</Title3>
      {me.boards.length === 0 ? (
        client ? (
          <CreateBoardForm
            client={client}
            {...(host.channelId ? { channelId: host.channelId } : {})}
            onCreated={(next) => {
              setMe(next);
              setBoardId(next.boards[0]?.id ?? "");
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
    </main>
  );
}
