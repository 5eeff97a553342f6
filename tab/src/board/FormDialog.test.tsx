/** @jest-environment jsdom */
import { Button, Field, Input } from "@fluentui/react-components";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { renderInTab } from "../test-support/render";
import { FormDialog, useFormDialog } from "./FormDialog";

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

describe("FormDialog", () => {
  it("starts the form afresh on each opening and hands the caller the submit", async () => {
    const onSave = jest.fn();
    renderInTab(<NoteDialog onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Skriv" }));
    const dialog = within(await screen.findByRole("dialog", { name: "Skriv en anteckning" }));
    const field = dialog.getByRole("textbox", { name: "Anteckning" });
    expect(field).toHaveProperty("value", "från början");
    fireEvent.change(field, { target: { value: "ring boendestödet" } });
    await act(async () => fireEvent.click(dialog.getByRole("button", { name: "Spara" })));
    expect(onSave).toHaveBeenCalledWith("ring boendestödet");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    fireEvent.click(screen.getByRole("button", { name: "Skriv" }));
    const again = within(await screen.findByRole("dialog", { name: "Skriv en anteckning" }));
    expect(again.getByRole("textbox", { name: "Anteckning" })).toHaveProperty("value", "från början");
  });

  it("disables the submit button when the caller says so, and cancel closes", async () => {
    const onSave = jest.fn();
    renderInTab(<NoteDialog onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "Skriv" }));
    const dialog = within(await screen.findByRole("dialog"));
    fireEvent.change(dialog.getByRole("textbox", { name: "Anteckning" }), { target: { value: "" } });
    expect(dialog.getByRole("button", { name: "Spara" })).toHaveProperty("disabled", true);
    fireEvent.click(dialog.getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onSave).not.toHaveBeenCalled();
  });
});
