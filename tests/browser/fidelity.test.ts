import { browserSuite, layoutDefects, people, screenshot, seriousAxeViolations } from "./browser";

// The overview's fidelity by month: a chart of the shares and a table of every indicator, at the
// channel tab's 994 px, in the light and the dark theme, axe clean — with the loggkontroll section
// below it (the sample itself is in log-review.test.ts).

const suite = browserSuite();

for (const theme of ["light", "dark"] as const) {
  it(`shows fidelity by month with a chart and a table at 994 px (${theme})`, async () => {
    const { context, page } = await suite.openBoardAs(people.manager, `?view=channel${theme === "dark" ? "&theme=dark" : ""}`, {
      colorScheme: theme,
      viewport: { width: 994, height: 1400 },
    });
    await page.getByRole("tab", { name: "Översikt" }).click();
    const table = page.getByRole("table", { name: "Programtrohet per månad" });
    await table.waitFor();
    // Six months and the indicator column; one row per indicator.
    expect(await table.getByRole("columnheader").count()).toBe(7);
    await table.getByRole("cell", { name: "Arbetsdagar med morgonmöte" }).waitFor();
    await page.getByRole("heading", { name: /Programtrohet per månad/ }).scrollIntoViewIfNeeded();
    const logReview = page.getByRole("group", { name: /^Loggkontroll: granskning av urval/ });
    await logReview.getByRole("group", { name: "Logggranskare" }).getByRole("checkbox").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await layoutDefects(page)).toEqual([]);
    await screenshot(page, `channel-fidelity-994-${theme}`);
    await context.close();
  });
}
