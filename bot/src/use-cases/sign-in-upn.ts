import { Conflict } from "../domain/errors";
import type { Member } from "../domain/types";
import { withSignInUpn } from "../domain/upn";
import type { Stored } from "../storage";
import type { UseCaseDeps } from "./deps";

// At sign-in (the tab's first call, GET /api/me) the member record learns the user principal name
// the validated token carries, so Kontakter can link a Teams chat with the member. Written only
// when it changed; no trail of it (the person's own sign-in, not anyone's change) and never logged.

export async function rememberSignInUpn(deps: UseCaseDeps, member: Stored<Member>, upn: string | undefined): Promise<void> {
  const next = withSignInUpn(member, upn);
  if (!next) return;
  try {
    await deps.storage.members.update(next, { expectedEtag: member.etag });
  } catch (e) {
    // Someone changed the record meanwhile: the next sign-in tries again; nothing of theirs is overwritten.
    if (e instanceof Conflict) return;
    throw e;
  }
  // The board's data as of a version holds the member records (the walkthrough's move view): a new version.
  await deps.storage.boardVersions.bump(member.boardId);
}
