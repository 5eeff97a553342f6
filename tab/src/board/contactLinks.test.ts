import { teamsChatHref, telHref } from "./contactLinks";

describe("a contact's links", () => {
  it("calls the number without spaces or dashes, keeping a leading plus", () => {
    expect(telHref("070-174 06 05")).toBe("tel:0701740605");
    expect(telHref("+46 70 123 45 67")).toBe("tel:+46701234567");
  });

  it("opens a Teams chat with a member by their user principal name, the documented deep link", () => {
    expect(teamsChatHref({ chatUser: "hugo.fiktivsson@fact-demo.example" })).toBe(
      "https://teams.microsoft.com/l/chat/0/0?users=hugo.fiktivsson%40fact-demo.example",
    );
    // A guest's principal name carries "#": encoded, so it stays part of the users parameter.
    expect(teamsChatHref({ chatUser: "ada_region.example#EXT#@host.example" })).toBe(
      "https://teams.microsoft.com/l/chat/0/0?users=ada_region.example%23EXT%23%40host.example",
    );
  });

  it("offers no chat for a member who has not signed in yet, nor for someone outside the board", () => {
    expect(teamsChatHref({})).toBeUndefined();
    expect(teamsChatHref({ chatUser: " " })).toBeUndefined();
  });
});
