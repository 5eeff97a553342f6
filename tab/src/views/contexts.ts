// Where the tab runs. The app-package test reads these to check the manifest declares the same.

/** Teams frame contexts (teams-js `FrameContexts`) the tab handles, and the surface each shows. */
export const supportedFrameContexts = ["content", "task", "settings", "sidePanel", "stage", "meetingStage"] as const;

/** Manifest `context` values for the configurable and static tabs. */
export const manifestContexts = [
  "channelTab",
  "privateChatTab",
  "meetingChatTab",
  "meetingDetailsTab",
  "meetingSidePanel",
  "meetingStage",
  "personalTab",
] as const;
