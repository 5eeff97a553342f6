import { ApiClient, fetchSignInConfig } from "./client";
import { startEarly, startEarlyPublic } from "./early";

// main.tsx starts "me" and the board before React renders; the client takes each early answer
// once, and only when it was asked with the token the client would send itself.

const realFetch = globalThis.fetch;
let calls: Array<{ url: string; auth: string | undefined }>;

beforeEach(() => {
  calls = [];
  globalThis.fetch = (async (url: string, init?: RequestInit) => {
    const auth = (init?.headers as Record<string, string> | undefined)?.Authorization;
    calls.push({ url, auth });
    return new Response(JSON.stringify({ asked: calls.length, auth }), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

it("answers the client's first read from the request started early, with the same headers, and asks again after that", async () => {
  startEarly("/api/boards/b1", Promise.resolve("t1"));
  const client = new ApiClient(async () => "t1");
  await expect(client.board("b1")).resolves.toEqual({ asked: 1, auth: "Bearer t1" });
  expect(calls).toHaveLength(1);
  await expect(client.board("b1")).resolves.toEqual({ asked: 2, auth: "Bearer t1" });
  expect(calls).toHaveLength(2);
});

it("drops an early answer asked with another token (another person signed in meanwhile)", async () => {
  startEarly("/api/me", Promise.resolve("someone-else"));
  const client = new ApiClient(async () => "t2");
  await expect(client.me()).resolves.toEqual({ asked: 2, auth: "Bearer t2" });
});

it("asks afresh when the early token could not be had", async () => {
  startEarly("/api/boards/b2", Promise.reject(new Error("resourceRequiresConsent")));
  const client = new ApiClient(async () => "t3");
  await expect(client.board("b2")).resolves.toEqual({ asked: 1, auth: "Bearer t3" });
});

it("answers the sign-in configuration from the request a plain browser started early, once, without a token", async () => {
  startEarlyPublic("/api/sign-in/config");
  expect(calls).toEqual([{ url: "/api/sign-in/config", auth: undefined }]);
  await expect(fetchSignInConfig()).resolves.toEqual({ asked: 1 });
  expect(calls).toHaveLength(1);
  await expect(fetchSignInConfig()).resolves.toEqual({ asked: 2 });
  expect(calls).toHaveLength(2);
});

it("sends at once when the token is already known, before the page's script goes on", () => {
  startEarly("/api/boards/b3", "t4");
  // No await in between: a request sent from a promise callback would not be in the list yet.
  expect(calls).toEqual([{ url: "/api/boards/b3", auth: "Bearer t4" }]);
});
