import type { WalkthroughResponse } from "@fact-board/contract";
import { addDays } from "../../bot/src/domain/dates";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { openInTeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, screenshot, seriousAxeViolations, WAIT_MS, type Person, waitForBoard } from "./browser";
import { aParticipantOnBoard, onMorningStage } from "./meeting-scene";

// A walkthrough with three organisations on the meeting stage (issue 26), in the Teams-like host:
// during it the municipality (Norrby) writes its since-yesterday note and adds an intervention on
// the stage, and the region adds an action owned by an AMF guide and names its contact; each sees
// the other's items with the writing organisation named (and "via" the region's member); Västra,
// whose organisation no consent names for this participant, sees only the placeholder and none of
// it, and the access log holds no read of the participant by Västra.

const suite = browserSuite();
const WALKTHROUGH = `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=morgonmote`;
const NORRBY = "norrby-soc";
const REGION = "region-psykiatri";
const NORRBYS_NAME = "Norrby kommun, socialförvaltningen (fiktiv)";

/** The participant both tests meet: the region's and Norrby's, each consent naming the other only. */
const SHARED_BY_REGION_AND_NORRBY = {
  codePrefix: "ZQI",
  initials: "QI",
  organisationIds: [REGION, NORRBY],
  consents: [
    [REGION, [NORRBY]],
    [NORRBY, [REGION]],
  ],
  goal: "Påhittat testmål: ha kvar lägenheten.",
} satisfies Parameters<typeof aParticipantOnBoard>[2];

it("lets the municipality write since yesterday and add an intervention, and the region add an AMF guide's action and a contact, on the stage; Västra sees only the placeholder", async () => {
  const ada = people.coordinator; // region, presents
  const hugo = people.northCoordinator; // Norrby
  const per = people.westCoordinator; // Västra: no consent names it for this participant
  const { board } = await suite.boardAs(ada);
  const target = await aParticipantOnBoard(suite, board.today, SHARED_BY_REGION_AND_NORRBY);

  const presenter = await onMorningStage(suite, ada);
  await presenter.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await presenter.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();
  const asAda = (await api<WalkthroughResponse>(suite.app.baseUrl, await signIn(suite.app.baseUrl, ada), "GET", WALKTHROUGH)).body
    .walkthrough!;
  const index = asAda.visible.find((v) => v.participantId === target.id)!.index;

  const municipality = await onMorningStage(suite, hugo);
  // The stage reads Kontakter with the walkthrough's move: no contacts request of its own.
  const contactRequests: string[] = [];
  municipality.page.on("request", (r) => /\/contacts(\?|$)/.test(new URL(r.url()).pathname) && contactRequests.push(r.url()));
  const west = await onMorningStage(suite, per);
  for (let i = 1; i <= index; i++) {
    await presenter.frame.locator("[data-current-index] h2").press("n");
    await presenter.frame.locator(`[data-current-index='${i}']`).waitFor();
  }
  await presenter.frame.locator(`[data-current-participant='${target.code}']`).waitFor();
  await municipality.frame.locator(`[data-current-participant='${target.code}']`).waitFor();
  await west.frame.locator(`[data-current-index='${index}'] [data-current-placeholder]`).waitFor();
  const stageContacts = municipality.frame.getByRole("region", { name: "Kontakter" });
  await stageContacts.getByText("Ingen kontakt angiven.").waitFor();
  expect(contactRequests).toEqual([]);

  // The participant's goal heads the stage, with the writing organisation.
  expect(await presenter.frame.getByRole("region", { name: "Deltagarens mål" }).innerText()).toContain("Påhittat testmål");

  // Norrby adds its intervention on the stage, following the presenter: no dialog, no other view.
  const label = "Påhittad: boendestöd två gånger i veckan";
  const ownSupport = municipality.frame.getByRole("region", { name: "Pågående insatser" });
  await ownSupport.getByRole("button", { name: /Lägg till insats/ }).click();
  await ownSupport.getByRole("combobox", { name: "Insats" }).selectOption("housingSupport");
  await ownSupport.getByRole("textbox", { name: "Kort beskrivning" }).fill(label);
  await ownSupport.getByRole("button", { name: "Lägg till insats" }).click();
  await ownSupport.locator(`[data-intervention-of='${NORRBY}']`, { hasText: label }).waitFor();
  expect(await municipality.frame.locator(`[data-current-participant='${target.code}']`).count()).toBe(1);

  // The region adds an action an AMF guide does: the region's member stays responsible ("via").
  const what = "Påhittad: följa med till AMF-mötet";
  const plan = presenter.frame.getByRole("region", { name: "Dagens plan" });
  await plan.getByRole("textbox", { name: "Åtgärd" }).fill(what);
  await plan.getByRole("combobox", { name: "Ansvarig" }).selectOption("external:amfGuide");
  await plan.getByRole("textbox", { name: "Namn (valfritt)" }).fill("Påhittad guide");
  await plan.getByRole("textbox", { name: "Senast", exact: true }).fill(board.today);
  await plan.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await plan.locator(`[data-action-written-by='${REGION}']`, { hasText: what }).waitFor();

  // Each sees the other's item on the stage, with the writing organisation named.
  const seenSupport = presenter.frame.getByRole("region", { name: "Pågående insatser" }).locator(`[data-intervention-of='${NORRBY}']`);
  await seenSupport.filter({ hasText: label }).waitFor();
  expect(await seenSupport.innerText()).toContain(NORRBYS_NAME);
  // The region reads Norrby's intervention as text: it has no button to end it.
  expect(await seenSupport.getByRole("button").count()).toBe(0);
  const seenAction = municipality.frame
    .getByRole("region", { name: "Dagens plan" })
    .locator(`[data-action-written-by='${REGION}']`, { hasText: what });
  await seenAction.waitFor();
  expect(await seenAction.innerText()).toMatch(/AMF-guide Påhittad guide, via Ada Fiktiv/);
  expect(await seriousAxeViolations(presenter.frame)).toEqual([]);
  await screenshot(presenter.page, "stage-interventions-region");

  // Västra: the placeholder only, none of it, and the API agrees.
  await west.frame.locator(`[data-current-index='${index}'] [data-current-placeholder]`).waitFor();
  const westText = await west.frame.locator("main").innerText();
  for (const words of [label, what, "Påhittat testmål"]) expect(westText).not.toContain(words);
  const westBoard = JSON.stringify(await suite.board(await signIn(suite.app.baseUrl, per)));
  for (const words of [label, what, "Påhittat testmål"]) expect(westBoard).not.toContain(words);
  const regionRow = (await suite.board(await signIn(suite.app.baseUrl, ada))).rows.find((r) => r.participant.id === target.id)!;
  expect(regionRow.interventions).toEqual([expect.objectContaining({ label, organisationId: NORRBY, kind: "housingSupport" })]);

  // Norrby's since-yesterday note, written on the stage; the region reads it under Norrby's name.
  const noteText = "Påhittad: sov dåligt, men kom till dagverksamheten";
  const ownNote = municipality.frame.getByRole("region", { name: "Sedan sist" });
  await ownNote.getByRole("textbox", { name: "Vår anteckning i dag" }).fill(noteText);
  await ownNote.getByRole("button", { name: "Spara anteckning" }).click();
  const seenNote = presenter.frame.getByRole("region", { name: "Sedan sist" }).locator(`[data-since-last-note='${NORRBY}']`);
  await seenNote.filter({ hasText: noteText }).waitFor();
  expect(await seenNote.innerText()).toContain(NORRBYS_NAME);

  // The region names its contact (Ada herself): Norrby's stage shows it under the region.
  const adaToken = await signIn(suite.app.baseUrl, ada);
  const named = await api(suite.app.baseUrl, adaToken, "PUT", `/api/boards/${DEMO_BOARD_ID}/participants/${target.id}/contacts`, {
    kind: "member",
    memberId: `${ada.tenantId}.${ada.objectId}`,
  });
  expect(named.status).toBe(200);
  const regionContact = municipality.frame.getByRole("region", { name: "Kontakter" }).locator(`[data-contact='${REGION}']`);
  await regionContact.filter({ hasText: "Ada Fiktiv" }).waitFor();

  // Västra: still the placeholder, none of the new items either.
  const westAfter = await west.frame.locator("main").innerText();
  expect(westAfter).not.toContain(noteText);
  // (Ada's name is on Västra's stage as the presenter's; no contact of this participant is.)
  expect(await west.frame.locator("[data-contact]").count()).toBe(0);

  // The access log: Norrby read the participant it was shown; Västra, shown only the placeholder, never did.
  const month = board.today.slice(0, 7);
  const readsOfTarget = async (p: Person) =>
    (await suite.app.storage.audit.listForMember(DEMO_BOARD_ID, p.tenantId, p.objectId, { fromMonth: month, toMonth: month })).filter(
      (e) => e.participantId === target.id && e.what === "viewedDetails",
    );
  expect((await readsOfTarget(hugo)).length).toBeGreaterThan(0);
  expect(await readsOfTarget(per)).toEqual([]);

  await Promise.all([presenter, municipality, west].map((h) => h.page.context().close()));
});

it("lets Norrby change its intervention's label and start date from the drawer; a change meanwhile is shown, not overwritten", async () => {
  const hugo = people.northCoordinator; // Norrby
  const { board } = await suite.boardAs(people.coordinator);
  const target = await aParticipantOnBoard(suite, board.today, SHARED_BY_REGION_AND_NORRBY);
  const token = await signIn(suite.app.baseUrl, hugo);
  const path = `/api/boards/${DEMO_BOARD_ID}/participants/${target.id}/interventions`;
  const added = await api<{ id: string; etag: string }>(suite.app.baseUrl, token, "POST", path, {
    kind: "housingSupport",
    label: "Påhittad: varje vecka",
    startedOn: addDays(board.today, -20),
  });
  expect(added.status).toBe(201);

  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "content",
    url: `/tab/?board=${DEMO_BOARD_ID}`,
    token,
    person: hugo,
    context: { teamId: "team-1", channelId: "channel-1" },
  });
  await waitForBoard(host);
  await host.frame
    .getByRole("button", { name: new RegExp(`^${target.code}`) })
    .first()
    .click();
  const support = host.frame.getByRole("dialog").getByRole("region", { name: "Pågående insatser" });
  await support.getByRole("button", { name: `Ändra Boendestöd (${NORRBYS_NAME})` }).click();
  const form = support.getByRole("form", { name: "Ändra Boendestöd" });
  expect(await form.getByRole("textbox", { name: "Kort beskrivning" }).inputValue()).toBe("Påhittad: varje vecka");
  expect(await seriousAxeViolations(host.frame)).toEqual([]);

  // A colleague (another of Hugo's tabs) changes it while the form is open.
  const meanwhile = await api(suite.app.baseUrl, token, "PUT", `${path}/${added.body.id}`, {
    etag: added.body.etag,
    label: "Påhittad: annan ändring",
  });
  expect(meanwhile.status).toBe(200);
  await form.getByRole("textbox", { name: "Kort beskrivning" }).fill("Påhittad: varannan vecka");
  await form.getByLabel("Startade").fill(addDays(board.today, -7));
  await form.getByRole("button", { name: "Spara ändring" }).click();

  // Refused with both versions side by side; re-applied on top of what is stored now.
  const conflict = host.frame.getByRole("alertdialog", { name: `Pågående insatser för ${target.code}` });
  await conflict.waitFor();
  expect(await conflict.innerText()).toContain("Påhittad: annan ändring");
  expect(await conflict.innerText()).toContain("Påhittad: varannan vecka");
  await conflict.getByRole("button", { name: "Använd min ändring igen" }).click();
  // The drawer is still there for assistive technology too (found by its role, not aria-hidden).
  await conflict.waitFor({ state: "detached" });
  await host.frame
    .getByRole("dialog")
    .getByRole("region", { name: "Pågående insatser" })
    .locator(`[data-intervention-of='${NORRBY}']`, { hasText: "Boendestöd – Påhittad: varannan vecka" })
    .waitFor();
  expect(await host.frame.locator("[aria-hidden='true'] [data-interventions]").count()).toBe(0);
  const row = (await suite.board(token)).rows.find((r) => r.participant.id === target.id)!;
  expect(row.interventions).toEqual([
    expect.objectContaining({ id: added.body.id, label: "Påhittad: varannan vecka", startedOn: addDays(board.today, -7) }),
  ]);
  await context.close();
});
