import type { ViewName } from "../teams/host";

// One chunk per Teams surface. start-host.ts starts the host's one while sign-in and the board load.
export const viewModules = {
  sidePanel: () => import("../views/sidePanel/SidePanelView"),
  channel: () => import("../views/channel/ChannelView"),
  stage: () => import("../views/stage/StageView"),
  config: () => import("../views/config/ConfigView"),
  personal: () => import("../views/personal/PersonalView"),
} satisfies Record<ViewName, () => Promise<unknown>>;

export type ViewModule<K extends ViewName> = Awaited<ReturnType<(typeof viewModules)[K]>>;

const loaded: { [K in ViewName]?: ViewModule<K> } = {};

/** The surface's chunk; remembered once here, so that the board can show it without waiting a turn. */
export function loadView<K extends ViewName>(view: K): Promise<ViewModule<K>> {
  return (viewModules[view]() as Promise<ViewModule<K>>).then((module) => {
    (loaded as Record<K, ViewModule<K>>)[view] = module;
    return module;
  });
}

/** The surface's module if it has arrived. */
export function loadedView<K extends ViewName>(view: K): ViewModule<K> | undefined {
  return loaded[view] as ViewModule<K> | undefined;
}

export function preloadView(view: ViewName): void {
  loadView(view).catch(() => undefined);
}
