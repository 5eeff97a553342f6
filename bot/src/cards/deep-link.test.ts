// The item id a card's "Öppna i FACT-tavlan" carries (contract/src/deep-link.ts), read back by the tab.
import { type OpenItem, browserItemUrl, itemDeepLink, openItemId, parseOpenItem } from "@fact-board/contract";

const items: OpenItem[] = [
  { item: "signal", signalId: "sig-1" },
  { item: "consent", participantId: "p.1", organisationId: "org_soc" },
  { item: "cover", absenceId: "a1" },
  { item: "absence", absenceId: "a1" },
  { item: "absenceForm" },
  { item: "signalForm" },
  { item: "myParticipants" },
];

it.each(items)("reads back the item a link names: %j", (item) => {
  expect(parseOpenItem(openItemId(item))).toEqual(item);
});

it("opens nothing for a mangled, unknown or injected item", () => {
  for (const value of ["", "signal", "signal~", "signal~a~b", "consent~p", "nope~x", "signal~<script>", "absenceForm~x", "signal~../x/.."])
    expect(parseOpenItem(value)).toBeUndefined();
});

it("builds a Teams entity deep link with the item as subEntityId and the channel, or a browser URL without a Teams app", () => {
  const teams = new URL(
    itemDeepLink(
      { teamsAppId: "app-1", publicUrl: "https://fact.example" },
      { id: "b1", name: "FACT", channelId: "19:c@thread.tacv2" },
      items[0],
    ),
  );
  expect(teams.origin + teams.pathname).toBe("https://teams.microsoft.com/l/entity/app-1/board-b1");
  expect(JSON.parse(teams.searchParams.get("context")!)).toEqual({ subEntityId: "signal~sig-1", channelId: "19:c@thread.tacv2" });

  const plain = new URL(itemDeepLink({ teamsAppId: "", publicUrl: "https://fact.example/" }, { id: "b1" }, items[1]));
  expect(plain.origin + plain.pathname).toBe("https://fact.example/tab/");
  expect(Object.fromEntries(plain.searchParams)).toEqual({ board: "b1", open: "consent~p.1~org_soc" });
  expect(browserItemUrl("https://fact.example", "b1", undefined, { view: "stage", meeting: "m1" })).toBe(
    "https://fact.example/tab/?board=b1&view=stage&meeting=m1",
  );
});
