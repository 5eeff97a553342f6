import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import "../i18n/both";
import { I18nProvider } from "../i18n";

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
