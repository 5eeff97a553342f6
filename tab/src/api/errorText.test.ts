import "../i18n/both";
import { i18nextFor } from "../i18n";
import { errorDetail, errorText } from "./errorText";
import { ApiRequestError, toApiRequestError } from "./errors";

// Every error a person can meet in the tab, said in their language with what to do next; the
// server's and the browser's own (English) messages stay a developer's detail.

const sv = { t: i18nextFor("sv-SE").t };
const en = { t: i18nextFor("en-GB").t };

const SERVER_WORDS = "The board cannot be reached right now. Nothing was changed; try again in a moment.";
const response = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  toApiRequestError(new Response(body === undefined ? null : JSON.stringify(body), { status, headers }));

describe("an error in the viewer's words", () => {
  it("says the board does not answer when the network fails, never 'Failed to fetch'", () => {
    const error = new ApiRequestError(0, "Network", "Failed to fetch");
    expect(errorText(sv, error)).toBe("FACT-tavlan svarar inte. Kontrollera din anslutning och försök igen om en stund.");
    expect(errorText(en, error)).toBe("FACT Board is not answering. Check your connection and try again in a moment.");
  });

  it("says storage is out of reach, nothing was changed, and to try again (503)", async () => {
    const error = await response(503, { error: { code: "StorageUnavailable", message: SERVER_WORDS } }, { "Retry-After": "3" });
    expect(errorText(sv, error)).toBe("Tavlan kan inte nås just nu och inget har ändrats. Försök igen om en stund.");
    expect(errorText(en, error)).toBe("The board cannot be reached right now and nothing was changed. Try again in a moment.");
  });

  it("says the sign-in expired and how to sign in again (401)", async () => {
    const error = await response(401, { error: { code: "Unauthenticated", message: "The token has expired." } });
    expect(errorText(sv, error)).toBe("Din inloggning har gått ut. Ladda om sidan för att logga in igen.");
    expect(errorText(en, error)).toBe("Your sign-in has expired. Reload the page to sign in again.");
  });

  it("says a refusal is a missing permission and whom to ask (403)", async () => {
    const error = await response(403, { error: { code: "Forbidden", message: "You are not allowed to do this." } });
    expect(errorText(sv, error)).toBe("Du har inte behörighet till det här. Fråga tavlans administratör om du behöver det.");
    expect(errorText(en, error)).toBe("You do not have permission for this. Ask the board's administrator if you need it.");
  });

  it("says another organisation's text is theirs to change (403 with the authorship reason)", async () => {
    const error = await response(403, { error: { code: "Forbidden", message: "no", reason: "NotYourOrganisationsText" } });
    expect(errorText(sv, error)).toMatch(/^En annan organisation har skrivit det här.*Lägg gärna till en egen åtgärd i stället\.$/);
    expect(errorText(en, error)).toMatch(/^Another organisation/);
  });

  it("says someone else changed it and to make the change again (409)", async () => {
    const error = await response(409, {
      error: { code: "Conflict", message: "Entry was changed by someone else. Reload and apply your change again." },
    });
    expect(errorText(sv, error)).toBe(
      "Någon annan ändrade samtidigt. Tavlan visar nu det som är sparat; gör din ändring igen om den fortfarande behövs.",
    );
    expect(errorText(en, error)).toContain("make your change again if it is still needed");
    const answered = await response(409, { error: { code: "InvalidTransition", message: "Cannot answer a signal that is closed." } });
    expect(errorText(sv, answered)).toBe(
      "Det går inte längre: någon har redan besvarat eller ändrat det. Ladda om sidan för att se hur det ser ut nu.",
    );
  });

  it("says something is gone, or not for this organisation's eyes, and to reload (404)", async () => {
    const error = await response(404, { error: { code: "NotFound", message: "Participant was not found." } });
    expect(errorText(sv, error)).toBe(
      "Det finns inte längre, eller så får din organisation inte se det. Ladda om sidan för att se hur det ser ut nu.",
    );
    expect(errorText(en, error)).toBe(
      "It no longer exists, or your organisation may not see it. Reload the page to see how things are now.",
    );
  });

  it("names the field a refused value is in, by its label, and says to correct it (400)", async () => {
    const date = await response(400, { error: { code: "Invalid", message: "nextEvaluationOn: Invalid date", field: "nextEvaluationOn" } });
    expect(errorText(sv, date)).toBe("Nästa utvärdering: det du fyllde i godtogs inte. Rätta det och försök igen.");
    expect(errorText(en, date)).toBe("Next evaluation: what you entered was not accepted. Correct it and try again.");
    const action = await response(400, { error: { code: "BadRequest", message: "actions.0.text: Too long", field: "actions.0.text" } });
    expect(errorText(sv, action)).toBe("Text: det du fyllde i godtogs inte. Rätta det och försök igen.");
    const priority = await response(400, { error: { code: "BadRequest", message: "priority: Invalid option", field: "priority" } });
    expect(errorText(sv, priority)).toBe("Prioritet: det du fyllde i godtogs inte. Rätta det och försök igen.");
  });

  it("without a field it knows, asks to check the form (400)", async () => {
    const error = await response(400, { error: { code: "BadRequest", message: "The request body is not valid JSON." } });
    expect(errorText(sv, error)).toBe("Något av det du fyllde i godtogs inte. Kontrollera fälten och försök igen.");
    expect(errorText(en, error)).toBe("Something you entered was not accepted. Check the fields and try again.");
  });

  it("says the server's known reasons in the viewer's words: a personal identity number, the last admin, a case manager leaving", async () => {
    const pnr = await response(400, {
      error: {
        code: "Invalid",
        message: "Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.",
        field: "message",
      },
    });
    expect(errorText(sv, pnr)).toBe("Ser ut som ett personnummer eller samordningsnummer: använd bara den pseudonyma koden.");
    const lastAdmin = await response(400, { error: { code: "Invalid", message: "A board keeps at least one admin.", field: "role" } });
    expect(errorText(sv, lastAdmin)).toBe("En tavla behöver minst en administratör. Gör någon annan till administratör först.");
    expect(errorText(en, lastAdmin)).toBe("A board needs at least one administrator. Make someone else administrator first.");
    const exists = await response(409, { error: { code: "AlreadyExists", message: "A participant with this code already exists." } });
    expect(errorText(sv, exists)).toBe(sv.t("admin.importReason.exists"));
  });

  it("asks to wait a minute when rate limited (429), and to shorten what is too large (413)", async () => {
    const many = await response(429, { error: { code: "TooManyRequests", message: "Too many requests." } });
    expect(errorText(sv, many)).toBe("Du har gjort många förfrågningar på kort tid. Vänta en minut och försök igen.");
    expect(errorText(en, many)).toBe("You have made many requests in a short time. Wait a minute and try again.");
    const large = await response(413, { error: { code: "PayloadTooLarge", message: "The request body is too large." } });
    expect(errorText(sv, large)).toBe("Det du skickade är för stort. Korta texten eller dela upp filen och försök igen.");
  });

  it("says the server failed and whom to contact if it keeps happening (500, or a proxy's 502 page)", async () => {
    const internal = await response(500, { error: { code: "Internal", message: "Something went wrong on our side." } });
    expect(errorText(sv, internal)).toBe(
      "Något gick fel i FACT-tavlan. Försök igen om en stund; fortsätter det, kontakta den som förvaltar FACT-tavlan hos er.",
    );
    const proxy = await toApiRequestError(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    expect(errorText(sv, proxy)).toBe(errorText(sv, internal));
  });

  it("asks to reload for anything else thrown (a Teams call, a bug), never showing its message", () => {
    expect(errorText(sv, new TypeError("Cannot read properties of undefined (reading 'rows')"))).toBe(
      "Något gick fel. Ladda om sidan och försök igen.",
    );
    expect(errorText(en, "Stage is busy")).toBe("Something went wrong. Reload the page and try again.");
  });

  it("never shows the server's or the browser's message, and always says what to do next, in both languages", () => {
    const message = "Raw English words from elsewhere";
    const statuses: Array<[number, ApiRequestError["code"]]> = [
      [0, "Network"],
      [400, "BadRequest"],
      [400, "Invalid"],
      [401, "Unauthenticated"],
      [403, "Forbidden"],
      [404, "NotFound"],
      [409, "Conflict"],
      [409, "InvalidTransition"],
      [409, "AlreadyExists"],
      [413, "PayloadTooLarge"],
      [429, "TooManyRequests"],
      [500, "Internal"],
      [503, "StorageUnavailable"],
    ];
    for (const [status, code] of statuses) {
      const error = new ApiRequestError(status, code, message, "someField");
      const [inSwedish, inEnglish] = [errorText(sv, error), errorText(en, error)];
      expect({ code, inSwedish }).toEqual({ code, inSwedish: expect.not.stringContaining(message) });
      expect({ code, inSwedish }).toEqual({
        code,
        inSwedish: expect.stringMatching(/försök igen|ladda om|fråga|rätta|vänta|gör din ändring/i),
      });
      expect({ code, inEnglish }).toEqual({
        code,
        inEnglish: expect.stringMatching(/try again|reload|ask|correct|wait|make your change/i),
      });
      expect(inSwedish).not.toBe(inEnglish);
    }
  });
});

describe("the developer's detail", () => {
  it("keeps the code, the status and the message as thrown", () => {
    expect(errorDetail(new ApiRequestError(0, "Network", "Failed to fetch"))).toBe("Network 0: Failed to fetch");
    expect(errorDetail(new TypeError("x is undefined"))).toBe("TypeError: x is undefined");
  });
});
