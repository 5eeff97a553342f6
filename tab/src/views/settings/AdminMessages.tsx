import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { AdminState } from "./useAdmin";

/** What the last change did, in words: shown on the page and inside an open form. */
export function AdminMessages({ admin }: { admin: Pick<AdminState, "error" | "notice"> }) {
  return (
    <>
      {admin.error && (
        <MessageBar intent="error">
          <MessageBarBody role="alert">{admin.error}</MessageBarBody>
        </MessageBar>
      )}
      {admin.notice && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{admin.notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
