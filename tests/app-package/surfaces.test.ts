// What the schema cannot check: the manifest promises only what the bot and the tab actually handle.
import { botCommandTitles, filledManifest, readJson, tabManifestContexts, tabRuntimeFrameContexts } from "./support";

const manifest = filledManifest();
const normalise = (title: string) => title.trim().toLocaleLowerCase("sv-SE");

describe("the manifest's promises", () => {
  const bot = botCommandTitles();
  const tab = tabManifestContexts();

  it(`lists only Swedish commands the bot handles (${bot.source})`, () => {
    const handled = new Set(bot.titles.sv.map(normalise));
    const listed = manifest.bots![0]!.commandLists!.flatMap((l) => l.commands.map((c) => c.title));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((t) => !handled.has(normalise(t)))).toEqual([]);
  });

  it(`lists only English commands the bot handles (${bot.source})`, () => {
    const handled = new Set(bot.titles.en.map(normalise));
    const en = readJson<Record<string, string>>("appPackage/en.json");
    const listed = Object.entries(en)
      .filter(([key]) => /^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/.test(key))
      .map(([, title]) => title);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((t) => !handled.has(normalise(t)))).toEqual([]);
  });

  it("lists the same commands in each scope in Swedish and English", () => {
    const en = readJson<Record<string, string>>("appPackage/en.json");
    manifest.bots![0]!.commandLists!.forEach((list, l) =>
      list.commands.forEach((_, c) => expect(en[`bots[0].commandLists[${l}].commands[${c}].title`]).toBeDefined()),
    );
  });

  it(`declares only frame contexts the tab handles (${tab.source})`, () => {
    const handled = new Set(tab.contexts);
    const declared = [
      ...(manifest.configurableTabs ?? []).flatMap((t) => t.context ?? []),
      ...(manifest.staticTabs ?? []).flatMap((t) => t.context ?? []),
    ];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((c) => !handled.has(c))).toEqual([]);
  });

  // Teams loads a configurable tab's configurationUrl in the "settings" frame, its pages in
  // "content", the meeting side panel in "sidePanel" and the shared stage in "meetingStage".
  const runtime = tabRuntimeFrameContexts();
  it("renders in every teams-js frame context those surfaces open in (tab/src/views/contexts.ts)", () => {
    const needed = new Set(["content"]);
    for (const tab of manifest.configurableTabs ?? []) {
      needed.add("settings");
      if (tab.meetingSurfaces?.includes("sidePanel")) needed.add("sidePanel");
      if (tab.meetingSurfaces?.includes("stage")) needed.add("meetingStage");
    }
    expect([...needed].filter((c) => !runtime!.includes(c))).toEqual([]);
  });
});
