import type { ContactView, ContactsResponse, ParticipantView, SetContactBody } from "@fact-board/contract";
import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { teamsChatHref, telHref } from "./contactLinks";
import { organisationName } from "./model";
import { TeamsLink } from "./openLink";
import { WorkPhoneForm } from "./WorkPhoneForm";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column" },
  line: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    // Call and chat are taps on a phone, not links in a sentence: 44 × 44 px on touch, like every control (App.tsx).
    "@media (pointer: coarse)": { "& a": { minHeight: "44px", minWidth: "44px", display: "inline-flex", alignItems: "center" } },
  },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

/**
 * Kontakter: each organisation's contact person for the participant (only those the viewer's
 * organisation may read reach the tab), with a click-to-call link and, for a board member, a Teams
 * chat. `compact` (the stage): the list only; the drawer also lets the own organisation name its contact.
 */
export function ContactsSection({
  participant,
  compact = false,
  contacts,
}: {
  participant: ParticipantView;
  compact?: boolean;
  /** Already read with the participant (the walkthrough's current participant): no request of its own. */
  contacts?: readonly ContactView[];
}) {
  const { board, boardId } = useBoardContext();
  const client = useApi();
  const { t } = useI18n();
  const styles = useStyles();
  const [fetched, setAnswer] = useState<ContactsResponse>();
  const [failed, setFailed] = useState(false);
  const given = contacts !== undefined;

  useEffect(() => {
    if (given) return;
    let cancelled = false;
    setFailed(false);
    client
      .contacts(boardId, participant.id)
      .then((a) => !cancelled && setAnswer(a))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [client, boardId, participant.id, board.version, given]);
  const answer: Pick<ContactsResponse, "contacts" | "mayWrite"> | undefined = given
    ? { contacts: [...contacts], mayWrite: false }
    : fetched?.participantId === participant.id
      ? fetched
      : undefined;

  const mine = answer?.contacts.find((c) => c.organisationId === board.viewer.organisationId);
  return (
    <section aria-label={t("contacts.title")} data-contacts={participant.code}>
      <Subtitle2 as="h3">{t("contacts.title")}</Subtitle2>
      {!answer && !failed && <Spinner size="tiny" label={t("contacts.loading")} />}
      {failed && <Text className={styles.meta}>{t("contacts.failed")}</Text>}
      {answer && answer.contacts.length === 0 && <Text className={styles.meta}>{t("contacts.empty")}</Text>}
      {answer && answer.contacts.length > 0 && (
        <ul className={styles.list}>
          {answer.contacts.map((c) => (
            <ContactItem key={c.organisationId} contact={c} compact={compact} />
          ))}
        </ul>
      )}
      {!compact && answer?.mayWrite && <OwnContactForm participant={participant} mine={mine} />}
      {!compact && <WorkPhoneForm />}
    </section>
  );
}

/** One organisation's contact; `compact` (the stage): on one line, so the participant still fits the screen. */
function ContactItem({ contact, compact }: { contact: ContactView; compact: boolean }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const chat = teamsChatHref(contact);
  return (
    <li className={compact ? styles.line : styles.item} data-contact={contact.organisationId}>
      <Text weight="semibold">
        {organisationName(board, contact.organisationId)}
        {compact ? ":" : ""}
      </Text>
      <Text>
        {contact.name} · {contact.kind === "member" ? t("contacts.member") : contact.role}
      </Text>
      {contact.away && (
        <Text weight="semibold" data-contact-away="true">
          {t("contacts.away")}
          {contact.substitute ? ` · ${t("contacts.substitute", { name: contact.substitute.name })}` : ""}
        </Text>
      )}
      <span className={styles.links}>
        {contact.phone ? (
          <Link href={telHref(contact.phone)} aria-label={t("contacts.call", { name: contact.name, phone: contact.phone })}>
            {contact.phone}
          </Link>
        ) : (
          <Caption1 className={styles.meta}>{t("contacts.noPhone")}</Caption1>
        )}
        {chat && (
          <TeamsLink href={chat} aria-label={t("contacts.chatWith", { name: contact.name })} data-teams-chat={contact.memberId ?? ""}>
            {t("contacts.chat")}
          </TeamsLink>
        )}
        {contact.substitute && <SubstituteLinks substitute={contact.substitute} />}
      </span>
    </li>
  );
}

/** The substitute covering an absent contact for this participant: call or chat with them instead. */
function SubstituteLinks({ substitute }: { substitute: NonNullable<ContactView["substitute"]> }) {
  const { t } = useI18n();
  const chat = teamsChatHref(substitute);
  return (
    <>
      {substitute.phone && (
        <Link href={telHref(substitute.phone)} aria-label={t("contacts.call", { name: substitute.name, phone: substitute.phone })}>
          {substitute.phone}
        </Link>
      )}
      {chat && (
        <TeamsLink href={chat} aria-label={t("contacts.chatWith", { name: substitute.name })} data-teams-chat={substitute.memberId}>
          {t("contacts.chat")}
        </TeamsLink>
      )}
    </>
  );
}

/** The own organisation names its contact: one of its members, or someone outside the board. */
function OwnContactForm({ participant, mine }: { participant: ParticipantView; mine: ContactView | undefined }) {
  const { board, boardId } = useBoardContext();
  const client = useApi();
  const { send } = useVersionedChange();
  const { t } = useI18n();
  const styles = useStyles();
  const own = board.viewer.organisationId;
  const colleagues = board.members.filter((m) => m.organisationId === own);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"member" | "external">(mine?.kind ?? "member");
  const [memberId, setMemberId] = useState(mine?.memberId ?? board.viewer.memberId);
  const [name, setName] = useState(mine?.kind === "external" ? mine.name : "");
  const [role, setRole] = useState(mine?.role ?? "");
  const [phone, setPhone] = useState(mine?.kind === "external" ? (mine.phone ?? "") : "");
  const [saving, setSaving] = useState(false);

  const describe = (c: ContactView | undefined) => (c ? `${c.name}${c.role ? `, ${c.role}` : ""}${c.phone ? `, ${c.phone}` : ""}` : "");
  const body = (): SetContactBody =>
    kind === "member"
      ? { kind, memberId }
      : { kind, name: name.trim(), role: role.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) };
  const valid = kind === "member" ? Boolean(memberId) : Boolean(name.trim() && role.trim());

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setSaving(true);
    const yours =
      kind === "member"
        ? (board.members.find((m) => m.id === memberId)?.displayName ?? "")
        : [name.trim(), role.trim(), phone.trim()].filter(Boolean).join(", ");
    const ok = await send<ContactView>({
      before: mine,
      save: (etag) => client.setContact(boardId, participant.id, { ...body(), ...(etag ? { etag } : {}) }),
      title: t("contacts.conflictTitle", { code: participant.code }),
      yours,
      rows: (before, current) => [{ label: t("contacts.title"), before: describe(before), theirs: describe(current), yours }],
      savedMessage: t("contacts.saved"),
    });
    setSaving(false);
    if (ok) setOpen(false);
  };

  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {mine ? t("contacts.changeOwn") : t("contacts.setOwn")}
      </Button>
    );
  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      aria-label={t("contacts.dialogTitle", { code: participant.code, organisation: organisationName(board, own) })}
    >
      <Field label={t("contacts.kind")}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_e, d) => setKind(d.value as "member" | "external")}>
          <Radio value="member" label={t("contacts.kindMember")} />
          <Radio value="external" label={t("contacts.kindExternal")} />
        </RadioGroup>
      </Field>
      {kind === "member" ? (
        <Field label={t("contacts.memberField")}>
          <Select value={memberId} onChange={(_e, d) => setMemberId(d.value)}>
            {colleagues.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className={styles.row}>
          <Field label={t("field.name")} required>
            <Input value={name} maxLength={60} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label={t("field.contactRole")} required>
            <Input value={role} maxLength={60} onChange={(_e, d) => setRole(d.value)} />
          </Field>
          <Field label={t("field.phone")} hint={t("contacts.phoneHint")}>
            <Input type="tel" value={phone} maxLength={25} onChange={(_e, d) => setPhone(d.value)} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={saving || !valid}>
          {t("contacts.save")}
        </Button>
        <Button onClick={() => setOpen(false)}>{t("contacts.cancel")}</Button>
      </div>
    </form>
  );
}
