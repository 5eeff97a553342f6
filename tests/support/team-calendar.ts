import { addDays, localDate } from "../../bot/src/domain/dates";

// The app's days are the team's Swedish days. A test that took today from UTC would
// disagree with the app for the hour or two after midnight in Stockholm.
const TEAM_TIME_ZONE = "Europe/Stockholm";

/** Today's date in the team's time zone, or `offset` days from it. */
export function teamDay(offset = 0): string {
  return addDays(localDate(new Date(), TEAM_TIME_ZONE), offset);
}
