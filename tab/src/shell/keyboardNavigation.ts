import { createTabster, type Types } from "tabster";

/**
 * Fluent UI moves focus with tabster, and starts it with `controlTab: false`: the browser moves focus
 * on Tab, and tabster surrounds every arrow-key group (a TabList, a chart's legend), every modal and,
 * once a dialog has opened, the page itself with sentinels, `<i tabindex="0" aria-hidden="true">`
 * that catch the browser's focus and pass it on. Focusable and hidden from assistive technology at
 * once is what axe's aria-hidden-focus (WCAG 4.1.2) reports: on every surface with view tabs or
 * charts, and on the page's own pair whenever focus fell back to <body> (the walkthrough summary
 * after "Avsluta morgonmötet").
 *
 * Tabster's own default is the other mode: it moves focus on Tab itself (`controlTab: true`), and
 * groups, modals and focus traps need no sentinels at all. In that mode it would still put a pair at
 * the page's edges, only to catch a Tab that comes into the frame from outside (the browser lands on
 * the first focusable element by itself) and one that leaves it (tabster then places a sentinel for
 * that one key press). So the instance is created here, before Fluent's provider asks for one (Fluent
 * then shares it: tabster keeps one per window), its root made without that pair, and only then set
 * to control Tab: every group, modal and trap made after that has no sentinel.
 * `tests/browser/narrow-and-keyboard.test.ts` checks the keyboard still goes where it should.
 */
export function startKeyboardNavigation(win: Window = window): Promise<void> {
  const tabster = createTabster(win, {
    autoRoot: {},
    controlTab: false,
    // As Fluent's own configuration: an old focus trap zone keeps its Tab key to itself.
    checkUncontrolledCompletely: (element) =>
      element.firstElementChild?.hasAttribute("data-is-focus-trap-zone-bumper") === true || undefined,
  });
  // Tabster makes the page's root on its first tick (a zero timeout queued above, so before this one).
  // The mode is a property of the shared core, which the public type leaves out: the one place this
  // file reaches past tabster's API (the browser test above fails if a new tabster changes it).
  const { core } = tabster as Types.Tabster & { core: Types.TabsterCore };
  return new Promise((resolve) =>
    win.setTimeout(() => {
      core.controlTab = true;
      resolve();
    }, 0),
  );
}
