/** @jest-environment jsdom */
import type { ContactView } from "@fact-board/contract";
import { screen, within } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView, row } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import { ContactsSection } from "./ContactsSection";

// Kontakter as the stage shows them with the walkthrough's current participant: read with the move
// (no request of its own), a member away today named as away with the substitute covering them.

const contact = (over: Partial<ContactView>): ContactView => ({
  organisationId: "north",
  kind: "member",
  name: "Hugo Fiktivsson",
  memberId: "m-hugo",
  writtenBy: "m-hugo",
  writtenAt: "2026-11-20T08:00:00.000Z",
  ...over,
});

function render(contacts: ContactView[]) {
  const r = row("FIK-001");
  const client = { contacts: jest.fn() };
  renderInTab(
    <ApiContext.Provider value={client as unknown as ApiClient}>
      <BoardContext.Provider value={boardContext(boardView([r]))}>
        <ContactsSection participant={r.participant} compact contacts={contacts} />
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
  return client;
}

describe("Kontakter on the stage", () => {
  it("shows a contact away today with the substitute who covers, both reachable, without a request of its own", () => {
    const client = render([
      contact({
        away: true,
        chatUser: "hugo.fiktivsson@fact-demo.example",
        substitute: { memberId: "m-karin", name: "Karin Exempeldotter", phone: "070-174 06 07", chatUser: "karin@fact-demo.example" },
      }),
    ]);
    expect(client.contacts).not.toHaveBeenCalled();
    const item = within(screen.getByRole("region", { name: "Kontakter" })).getByRole("listitem");
    expect(within(item).getByText("Frånvarande idag · Ersättare: Karin Exempeldotter")).toBeTruthy();
    expect(within(item).getByRole("link", { name: "Ring Karin Exempeldotter på 070-174 06 07" }).getAttribute("href")).toBe(
      "tel:0701740607",
    );
    expect(within(item).getByRole("link", { name: "Chatta i Teams med Karin Exempeldotter" }).getAttribute("href")).toBe(
      "https://teams.microsoft.com/l/chat/0/0?users=karin%40fact-demo.example",
    );
    expect(within(item).getByRole("link", { name: "Chatta i Teams med Hugo Fiktivsson" })).toBeTruthy();
  });

  it("names only that a contact is away when no substitute covers the participant, and offers no chat without a principal name", () => {
    render([contact({ away: true })]);
    const item = within(screen.getByRole("region", { name: "Kontakter" })).getByRole("listitem");
    expect(within(item).getByText("Frånvarande idag")).toBeTruthy();
    expect(within(item).queryByText(/Ersättare/)).toBeNull();
    expect(within(item).queryByRole("link", { name: /Chatta/ })).toBeNull();
  });
});
