import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { configure, render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import "../i18n/both";
import { I18nProvider } from "../i18n";

// findBy*/waitFor wait for what a test expects to appear, not to time it: on a loaded 2-core machine a
// Fluent render in jsdom can take seconds, so the 1 s default fails by chance. Speed is the bench's.
configure({ asyncUtilTimeout: 10_000 });

/** Testing Library's render inside the providers every tab component expects: Fluent's theme and the viewer's language. */
export function renderInTab(ui: ReactNode, locale = "sv-SE"): RenderResult {
  return render(ui, {
    wrapper: ({ children }) => (
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </FluentProvider>
    ),
  });
}
