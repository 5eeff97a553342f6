/** @jest-environment jsdom */
import { Button, Field, Input } from "@fluentui/react-components";
import { act, fireEvent, renderHook, screen } from "@testing-library/react";
import { useState } from "react";
import { dialogGone, openedDialog } from "../test-support/dialogs";
import { renderInTab } from "../test-support/render";
import { FormDialog, useFormDialog } from "./FormDialog";

// Each test opens the dialog once. Re-opening is tested on the hook (below) and in Chromium
// (tests/browser/tab-surfaces.test.ts): under jsdom tabster cannot see focusable fields, so focus
// lands on the surface and, on a second opening, its modalizer hides the new surface after 250 ms —
// a jsdom artefact that made this file fail by chance whenever the test ran slower than that.

function NoteDialog({ onSave }: { onSave: (note: string) => void }) {
  const [note, setNote] = useState("");
  const dialog = useFormDialog(() => setNote("från början"));
  return (
    <FormDialog
      dialog={dialog}
      trigger={<Button>Skriv</Button>}
      title="Skriv en anteckning"
      submitLabel="Spara"
      submitDisabled={note === ""}
      onSubmit={() => {
        onSave(note);
        dialog.close();
      }}
    >
      <Field label="Anteckning">
        <Input value={note} onChange={(_e, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
}

const note = { role: "textbox", name: "Anteckning" };

describe("FormDialog", () => {
  it("starts the form from the caller's opening state and hands the caller the submit", async () => {
    const onSave = jest.fn();
    renderInTab(<NoteDialog onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Skriv" }));
    const dialog = await openedDialog("Skriv en anteckning", note);
    const field = dialog.getByRole("textbox", { name: "Anteckning" });
    expect(field).toHaveProperty("value", "från början");
    fireEvent.change(field, { target: { value: "ring boendestödet" } });
    await act(async () => fireEvent.click(dialog.getByRole("button", { name: "Spara" })));
    expect(onSave).toHaveBeenCalledWith("ring boendestödet");
    await dialogGone();
  });

  it("disables the submit button when the caller says so, and cancel closes", async () => {
    const onSave = jest.fn();
    renderInTab(<NoteDialog onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Skriv" }));
    const dialog = await openedDialog("Skriv en anteckning", note);
    fireEvent.change(dialog.getByRole("textbox", { name: "Anteckning" }), { target: { value: "" } });
    expect(dialog.getByRole("button", { name: "Spara" })).toHaveProperty("disabled", true);
    fireEvent.click(dialog.getByRole("button", { name: "Avbryt" }));
    await dialogGone();
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe("useFormDialog", () => {
  it("starts the form afresh on each opening, and closing does not", () => {
    const onOpen = jest.fn();
    const { result } = renderHook(() => useFormDialog(onOpen));
    const openChange = (open: boolean) => act(() => result.current.onOpenChange({ open, type: "triggerClick", event: {} as never }));
    openChange(true);
    expect(result.current.open).toBe(true);
    act(() => result.current.close());
    expect(result.current.open).toBe(false);
    openChange(true);
    openChange(false);
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(result.current.open).toBe(false);
  });
});
