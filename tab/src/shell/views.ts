import type { ViewName } from "../teams/host";

// One chunk per Teams surface. main.tsx starts the host's one while sign-in and the board load.
export const viewModules = {
  sidePanel: () => import("../views/sidePanel/SidePanelView"),
  channel: () => import("../views/channel/ChannelView"),
  stage: () => import("../views/stage/StageView"),
  config: () => import("../views/config/ConfigView"),
  personal: () => import("../views/personal/PersonalView"),
} satisfies Record<ViewName, () => Promise<unknown>>;

export function preloadView(view: ViewName): void {
  viewModules[view]().catch(() => undefined);
}
