import type { Browser, Page } from "playwright-core";
import type { AdaptiveCard, Locale } from "../../bot/src/cards/card-kit";
import { cardGallery } from "../../bot/src/cards/test/gallery";
import { launchChromium } from "./browser";

// Every card the bot sends, rendered by the adaptivecards library in Chromium inside a 450 px
// frame (Teams' narrowest card: chat beside a meeting, the side panel), in Swedish and English:
// no button may stick out of its card or cut its own title short. Cards opened by Action.ShowCard
// are rendered too, as they open inline at the same width.

const WIDTH = 450;
const ADAPTIVE_CARDS = require.resolve("adaptivecards/dist/adaptivecards.js");

// Close to Teams: horizontal buttons from the left, 8 px apart, titles on one line, never wrapped,
// and a button never narrower than Fluent's 96 px.
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16 },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
};
const BUTTON_CSS = `
  body { margin: 0; font-family: 'Segoe UI', system-ui, sans-serif; }
  .ac-pushButton { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 96px; box-sizing: border-box; height: 32px; padding: 0 12px; font-size: 14px; font-weight: 600; }
`;

/** The part of the library's browser global the test uses. */
interface AdaptiveCardsGlobal {
  AdaptiveCard: new () => { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement | undefined };
  HostConfig: new (config: unknown) => unknown;
}

interface Measured {
  title: string;
  left: number;
  right: number;
  cardLeft: number;
  cardRight: number;
  clipped: boolean;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.setContent(`<!doctype html><html><head><style>${BUTTON_CSS}</style></head><body><div id="host"></div></body></html>`);
  await page.addScriptTag({ path: ADAPTIVE_CARDS });
});
afterAll(() => browser?.close());

function withShowCards(name: string, json: AdaptiveCard): Array<[string, AdaptiveCard]> {
  const out: Array<[string, AdaptiveCard]> = [[name, json]];
  for (const a of json.actions ?? [])
    if (a.type === "Action.ShowCard") out.push(...withShowCards(`${name} › ${a.title}`, { ...a.card, version: json.version ?? "1.5" }));
  return out;
}

async function render(json: AdaptiveCard): Promise<Measured[]> {
  return page.evaluate(
    ({ json, width, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: AdaptiveCardsGlobal }).AdaptiveCards;
      const host = document.getElementById("host")!;
      host.innerHTML = "";
      const frame = document.createElement("div");
      frame.style.width = `${width}px`;
      host.appendChild(frame);
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig(hostConfig);
      card.parse(json);
      const el = card.render()!;
      frame.appendChild(el);
      const box = el.getBoundingClientRect();
      return Array.from(el.querySelectorAll("button.ac-pushButton") as NodeListOf<HTMLButtonElement>)
        .filter((b) => b.offsetParent !== null)
        .map((b) => {
          const r = b.getBoundingClientRect();
          // The library puts the title in an inner element that ellipsises: a cut title is a wider scrollWidth there.
          const cut = [b, ...Array.from(b.querySelectorAll("*") as NodeListOf<HTMLElement>)].some((n) => n.scrollWidth > n.clientWidth + 1);
          return {
            title: b.getAttribute("aria-label") ?? b.textContent ?? "",
            left: r.left,
            right: r.right,
            cardLeft: box.left,
            cardRight: box.right,
            clipped: cut,
          };
        });
    },
    { json, width: WIDTH, hostConfig: HOST_CONFIG },
  );
}

const cases = (["sv", "en"] as Locale[]).flatMap((locale) =>
  cardGallery(locale).flatMap(([name, json]) => withShowCards(`${locale}: ${name}`, json)),
);

it.each(cases)("%s: every button fits inside a 450 px card", async (_name, json) => {
  const buttons = await render(json);
  const problems = buttons
    .filter((b) => b.right > b.cardRight + 0.5 || b.left < b.cardLeft - 0.5 || b.clipped)
    .map(
      (b) =>
        `${b.title}: ${Math.round(b.left)}–${Math.round(b.right)} in ${Math.round(b.cardLeft)}–${Math.round(b.cardRight)}${b.clipped ? ", title cut" : ""}`,
    );
  expect(problems).toEqual([]);
  // A card with buttons shows at least one: the check above is not vacuous.
  if ((json.actions ?? []).length > 0) expect(buttons.length).toBeGreaterThan(0);
});

it("the check catches the consent card as it was: four buttons side by side", async () => {
  const execute = (title: string) => ({ type: "Action.Execute" as const, title, verb: "refresh", data: {} });
  const before: AdaptiveCard = {
    type: "AdaptiveCard",
    version: "1.5",
    body: [],
    actions: [execute("Registrera givet samtycke"), execute("Avböjt"), execute("Återkallat"), execute("Påminn mig senare")],
  };
  const buttons = await render(before);
  expect(buttons).toHaveLength(4);
  expect(buttons.some((b) => b.right > b.cardRight + 0.5 || b.clipped)).toBe(true);
});
