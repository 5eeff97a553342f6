import type { Role } from "@fact-board/contract";
import { useBoardContext } from "../../board/BoardContext";
import type { AdminState } from "./useAdmin";

export const ROLES: readonly Role[] = ["staff", "coordinator", "manager", "admin"];

/** The organisations whose people the viewer may manage: all for an admin, their own for a manager. */
export function useManageable(admin: AdminState): {
  organisations: NonNullable<AdminState["overview"]>["organisations"];
  mayManage: (organisationId: string) => boolean;
  mayGrantAdmin: boolean;
} {
  const { board } = useBoardContext();
  const all = admin.overview?.organisations ?? [];
  const may = admin.overview?.may;
  const mayManage = (organisationId: string) =>
    Boolean(may?.manageMembers || (may?.manageOwnOrganisation && organisationId === board.viewer.organisationId));
  return { organisations: all.filter((o) => mayManage(o.id)), mayManage, mayGrantAdmin: Boolean(may?.manageMembers) };
}
