/** @jest-environment jsdom */
import type { CreateBoardBody, MeResponse } from "@fact-board/contract";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { ApiClient } from "../../api/client";
import { renderInTab } from "../../test-support/render";
import { CreateBoardForm } from "./CreateBoardForm";

it("creates the first board from the configuration page with the person's own organisation and the team channel", async () => {
  const sent: CreateBoardBody[] = [];
  const me: MeResponse = {
    tenantId: "t",
    objectId: "o",
    boards: [{ id: "b1", name: "FACT Nordstad", memberId: "t.o", role: "admin", organisationId: "org1" }],
  };
  const client = { createBoard: async (body: CreateBoardBody) => (sent.push(body), me) } as unknown as ApiClient;
  const created: MeResponse[] = [];
  renderInTab(<CreateBoardForm client={client} channelId="19:kanal@thread.tacv2" onCreated={(m) => created.push(m)} />);
  const button = screen.getByRole("button", { name: "Skapa tavla" });
  expect(button).toHaveProperty("disabled", true);
  fireEvent.change(screen.getByRole("textbox", { name: /Tavlans namn/ }), { target: { value: "FACT Nordstad" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Ditt namn/ }), { target: { value: "Anna Admin" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Din organisation/ }), { target: { value: "Psykiatri Nordstad" } });
  fireEvent.click(screen.getByRole("button", { name: "Skapa tavla" }));
  await waitFor(() => expect(created).toEqual([me]));
  expect(sent[0]).toMatchObject({
    name: "FACT Nordstad",
    displayName: "Anna Admin",
    organisation: { name: "Psykiatri Nordstad", kind: "regionPsychiatry" },
    briefChannelId: "19:kanal@thread.tacv2",
  });
});
