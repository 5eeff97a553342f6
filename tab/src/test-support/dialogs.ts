import { screen, waitFor, within, type ByRoleOptions } from "@testing-library/react";

// Fluent's Dialog opens and closes through a transition, and tabster's modalizer hides the surface
// (aria-hidden) while it is still arriving or leaving. Right after a click the dialog element can be
// in the DOM yet not reachable, so a test waits for what a person waits for: the dialog open with
// its fields reachable; and after closing, no dialog left at all (not even a leaving one).

type DialogRole = "dialog" | "alertdialog";

/** The open dialog, once `ready` (a control a person would use first) can be reached inside it. */
export async function openedDialog(
  name: ByRoleOptions["name"],
  ready: { role: string; name: ByRoleOptions["name"] },
  role: DialogRole = "dialog",
): Promise<ReturnType<typeof within>> {
  let found: ReturnType<typeof within> | undefined;
  await waitFor(() => {
    // Queried afresh on each try: the element found first may be a surface still in transition.
    const dialog = within(screen.getByRole(role, { name }));
    dialog.getByRole(ready.role, { name: ready.name });
    found = dialog;
  });
  return found!;
}

/** Resolves once no dialog is in the document, hidden or not: the closing transition has finished. */
export async function dialogGone(role: DialogRole = "dialog"): Promise<void> {
  await waitFor(() => {
    if (screen.queryAllByRole(role, { hidden: true }).length > 0) throw new Error(`a ${role} is still in the document`);
  });
}
