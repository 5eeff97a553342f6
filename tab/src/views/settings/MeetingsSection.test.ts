import { meetingIdFor } from "./MeetingsSection";

it("gives a new meeting an id from its name that is unique, never the implicit 'all'", () => {
  expect(meetingIdFor("Södervik onsdag", new Set())).toBe("sodervik-onsdag");
  expect(meetingIdFor("Södervik onsdag", new Set(["sodervik-onsdag"]))).toBe("sodervik-onsdag-2");
  expect(meetingIdFor("All", new Set())).toBe("all-partners");
  expect(meetingIdFor("!!!", new Set())).toBe("mote");
});
