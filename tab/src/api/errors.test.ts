import { isNotYourOrganisationsText, toApiRequestError } from "./errors";

describe("API errors", () => {
  it("carries the stored version of a 409 so the conflict can be shown", async () => {
    const current = { participantId: "p1", etag: 'W/"7"', actions: [] };
    const error = await toApiRequestError(
      new Response(JSON.stringify({ error: { code: "Conflict", message: "changed", current } }), { status: 409 }),
    );
    expect(error.isConflict).toBe(true);
    expect(error.code).toBe("Conflict");
    expect(error.current).toEqual(current);
  });

  it("names the wrong field of a 400", async () => {
    const error = await toApiRequestError(
      new Response(JSON.stringify({ error: { code: "Invalid", message: "bad date", field: "nextEvaluationOn" } }), { status: 400 }),
    );
    expect([error.code, error.field]).toEqual(["Invalid", "nextEvaluationOn"]);
  });

  it("still gives a code when a proxy answers with HTML", async () => {
    const error = await toApiRequestError(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    expect([error.code, error.message]).toEqual(["Internal", "Bad Gateway"]);
  });

  it("takes the code from the status when the body's code is not one of the contract's", async () => {
    const error = await toApiRequestError(new Response(JSON.stringify({ error: { code: "toString", message: "odd" } }), { status: 403 }));
    expect(error.code).toBe("Forbidden");
  });

  it("knows a 503 StorageUnavailable is worth retrying, and when", async () => {
    const response = new Response(JSON.stringify({ error: { code: "StorageUnavailable", message: "later" } }), {
      status: 503,
      headers: { "Retry-After": "3" },
    });
    const error = await toApiRequestError(response);
    expect([error.code, error.isUnavailable, error.retryAfterSeconds]).toEqual(["StorageUnavailable", true, 3]);
  });
});

describe("a change refused as another organisation's text", () => {
  it("keeps the server's reason so the tab can say it in the viewer's language", async () => {
    const body = { error: { code: "Forbidden", message: "This belongs to another organisation", reason: "NotYourOrganisationsText" } };
    const error = await toApiRequestError(new Response(JSON.stringify(body), { status: 403 }));
    expect([error.code, error.reason, isNotYourOrganisationsText(error)]).toEqual(["Forbidden", "NotYourOrganisationsText", true]);
  });

  it("does not take a plain Forbidden for it", async () => {
    const error = await toApiRequestError(new Response(JSON.stringify({ error: { code: "Forbidden", message: "no" } }), { status: 403 }));
    expect(isNotYourOrganisationsText(error)).toBe(false);
  });
});
