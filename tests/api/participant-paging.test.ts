import { BOARD, startWorld, type World } from "./world";

// The participant list pages with a cursor (the schema always declared one): 50 at a time, in
// code order, every visible participant exactly once, the hidden count the same on every page.

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => {
  await w?.stop();
});

it("lists the whole visible caseload page by page, each participant once", async () => {
  const coordinator = w.member("coordinator");
  const codes: string[] = [];
  const hidden = new Set<number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await w.call<{ participants: Array<{ code: string }>; hiddenCount: number; cursor?: string }>(
      coordinator,
      "GET",
      `${BOARD}/participants${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.participants.length).toBeLessThanOrEqual(50);
    codes.push(...res.body.participants.map((p) => p.code));
    hidden.add(res.body.hiddenCount);
    cursor = res.body.cursor;
    pages++;
  } while (cursor && pages < 20);
  expect(pages).toBeGreaterThan(1);
  expect(cursor).toBeUndefined();
  expect(new Set(codes).size).toBe(codes.length);
  expect([...codes].sort((a, b) => a.localeCompare(b))).toEqual(codes);
  expect(hidden.size).toBe(1);
});

it("answers 400 to a cursor it did not give", async () => {
  const res = await w.call(w.member("coordinator"), "GET", `${BOARD}/participants?cursor=bm90LWEtY3Vyc29y`);
  expect(res.status).toBe(400);
});
