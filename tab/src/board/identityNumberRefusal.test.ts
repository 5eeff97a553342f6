import { ApiError } from "@fact-board/contract";
import { toApiRequestError } from "../api/errors";
import "../i18n/both";
import { i18nextFor } from "../i18n";
import { errorText } from "../api/errorText";

// What the server answers to a personal identity number in a free-text field (tests/api/identity-numbers.test.ts
// checks the server says exactly this), and what the person reads.
const refusal = (field: string) =>
  new Response(
    JSON.stringify(
      ApiError.parse({
        error: {
          code: "BadRequest",
          message: `${field}: Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.`,
          field,
          reason: "PersonalIdentityNumber",
        },
      }),
    ),
    { status: 400, headers: { "content-type": "application/json" } },
  );

describe("a refused personal identity number, in the person's language, naming the field", () => {
  it.each([
    ["reasonNote", "Kommentar till anledningen"],
    ["what", "Åtgärd"],
    ["legalReference", "Lagrum"],
    ["organisation.name", "Organisationens namn"],
    ["meetings.2.name", "Mötets namn"],
    ["somethingNew", "Text"],
  ])("%s", async (field, label) => {
    const message = errorText({ t: i18nextFor("sv-SE").t }, await toApiRequestError(refusal(field)));
    expect(message).toBe(
      `${label}: ser ut att innehålla ett personnummer eller samordningsnummer. Skriv aldrig personnummer på tavlan – använd deltagarens pseudonyma kod. Telefonnummer skrivs med mellanrum, t.ex. 070-123 45 67.`,
    );
  });

  it("in English too", async () => {
    const message = errorText({ t: i18nextFor("en-GB").t }, await toApiRequestError(refusal("note")));
    expect(message).toMatch(/^Note: looks like it contains a personal identity number/);
  });

  it("other refusals are not worded as a number, nor in the server's English", async () => {
    const other = new Response(JSON.stringify({ error: { code: "BadRequest", message: "byWhen: Invalid date", field: "byWhen" } }), {
      status: 400,
    });
    const sv = i18nextFor("sv-SE").t;
    const message = errorText({ t: sv }, await toApiRequestError(other));
    expect(message).toBe(sv("error.invalid"));
    expect(message).not.toMatch(/personnummer|Invalid date/);
  });
});
