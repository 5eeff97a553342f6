import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { I18nProvider } from "../i18n";

// Rendering and role queries for component tests, without @testing-library (not installed).

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => void;
}

export async function render(ui: ReactNode, locale = "sv-SE"): Promise<Rendered> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale={locale}>{ui}</I18nProvider>
      </FluentProvider>,
    );
  });
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

const implicitRoles: Record<string, string> = { BUTTON: "button", TABLE: "table", TR: "row", UL: "list", LI: "listitem", H1: "heading", H2: "heading", H3: "heading" };

function roleOf(el: Element): string | undefined {
  return el.getAttribute("role") ?? implicitRoles[el.tagName];
}

/** The accessible name, as far as these tests need it: aria-label, aria-labelledby, or text. */
export function nameOf(el: Element): string {
  const label = el.getAttribute("aria-label");
  if (label) return label;
  const labelledBy = el.getAttribute("aria-labelledby");
  if (labelledBy)
    return labelledBy
      .split(" ")
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function queryAllByRole(role: string, name?: string | RegExp, scope: ParentNode = document.body): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>("*")].filter(
    (el) => roleOf(el) === role && (name === undefined || (typeof name === "string" ? nameOf(el) === name : name.test(nameOf(el)))),
  );
}

export function getByRole(role: string, name?: string | RegExp, scope?: ParentNode): HTMLElement {
  const found = queryAllByRole(role, name, scope);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0]!;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}
