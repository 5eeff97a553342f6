import { ApiRequestError } from "../api/errors";
import { errorText } from "../api/errorText";
import sv from "../i18n/sv.json";
import en from "../i18n/en.json";

// A refused change is told in words: another organisation's text has its own message in both languages.
const t = ((key: string) => key) as Parameters<typeof errorText>[0]["t"];

describe("the refusal of another organisation's text", () => {
  it("is told as such, not as a missing permission", () => {
    const error = new ApiRequestError(
      403,
      "Forbidden",
      "This belongs to another organisation",
      undefined,
      undefined,
      "NotYourOrganisationsText",
    );
    expect(errorText({ t }, error)).toBe("change.notYourOrganisationsText");
    expect(errorText({ t }, new ApiRequestError(403, "Forbidden", "no"))).toBe("error.forbidden");
  });

  it("has words in Swedish and English", () => {
    expect(sv["change.notYourOrganisationsText"]).toMatch(/annan organisation/);
    expect(en["change.notYourOrganisationsText"]).toMatch(/Another organisation/);
    expect(sv["signal.answerHidden"]).toBeTruthy();
    expect(en["signal.answerHidden"]).toBeTruthy();
  });
});
