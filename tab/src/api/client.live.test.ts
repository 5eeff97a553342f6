import { ApiClient } from "./client";
import { ApiRequestError } from "./errors";

// The live stream is read with fetch and eventsource-parser; the "server" is a Response built here.

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ0In0.c2lnbmF0dXJl";
let calls: Array<{ url: string; headers: Record<string, string> }>;
let answer: () => Response;
const realFetch = globalThis.fetch;

afterAll(() => {
  globalThis.fetch = realFetch;
});
beforeEach(() => {
  calls = [];
  (globalThis as Record<string, unknown>).fetch = async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers });
    return answer();
  };
});

const stream = (text: string) => new Response(text, { status: 200, headers: { "content-type": "text/event-stream" } });

describe("the live stream", () => {
  it("sends the token in the Authorization header, never in the URL, and reports each version", async () => {
    answer = () => stream('retry: 2000\n\n: keep-alive\n\nevent: version\ndata: {"version":7}\n\nevent: version\ndata: nonsense\n\n');
    const client = new ApiClient(async () => TOKEN);
    const seen: Array<string | number> = [];
    const done = client.liveVersions(
      "demo board",
      { open: () => seen.push("open"), version: (v) => seen.push(v) },
      new AbortController().signal,
    );
    // The server ending the stream is an error for the caller, who reconnects with a fresh token.
    await expect(done).rejects.toBeInstanceOf(ApiRequestError);
    expect(seen).toEqual(["open", 7]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("/api/boards/demo%20board/events");
    expect(calls[0]!.url).not.toContain(TOKEN);
    expect(calls[0]!.headers.Authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("reads an event that arrives split across chunks", async () => {
    const encoder = new TextEncoder();
    const parts = ["event: vers", 'ion\ndata: {"vers', 'ion":12}\n', "\n"];
    answer = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(encoder.encode(part));
            controller.close();
          },
        }),
        { status: 200, headers: { "content-type": "text/event-stream" } },
      );
    const seen: number[] = [];
    await expect(
      new ApiClient(async () => TOKEN).liveVersions(
        "b",
        { open: () => undefined, version: (v) => seen.push(v) },
        new AbortController().signal,
      ),
    ).rejects.toBeInstanceOf(ApiRequestError);
    expect(seen).toEqual([12]);
  });

  it("fails without retrying by itself when the server refuses, so the caller's backoff decides", async () => {
    answer = () =>
      new Response(JSON.stringify({ error: { code: "Unauthenticated", message: "Sign in again." } }), {
        status: 401,
        headers: { "content-type": "application/json" },
      });
    const client = new ApiClient(async () => TOKEN);
    await expect(
      client.liveVersions("b", { open: () => undefined, version: () => undefined }, new AbortController().signal),
    ).rejects.toMatchObject({ status: 401, code: "Unauthenticated" });
    expect(calls).toHaveLength(1);
  });

  it("opens nothing once the caller has given up", async () => {
    answer = () => stream("");
    const controller = new AbortController();
    controller.abort();
    await new ApiClient(async () => TOKEN).liveVersions("b", { open: () => undefined, version: () => undefined }, controller.signal);
    expect(calls).toEqual([]);
  });
});
