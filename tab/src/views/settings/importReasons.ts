import { reasonKey } from "../../api/serverReasons";
import type { I18n } from "../../i18n";

// The server reports a refused CSV line in its own (English) words. The reasons are a short, fixed
// list from the import rules (bot/src/domain/participant-registration.ts and participant-import.ts,
// checked against them by tests/tab/import-reasons.test.ts); the known ones are shown
// in the viewer's language, anything else as the server said it.
export function importReason({ t }: Pick<I18n, "t">, reason: string): string {
  const key = reasonKey(reason);
  return key ? t(key) : reason;
}
