import { changedPlans, draftOfPlans, NO_PLANS_DRAFT } from "./plans";
import { rememberedPriority } from "./rememberedPriority";

// What the plans form sends, and the priority a person chose last time.

describe("the plans form", () => {
  const stated = {
    crisisPlan: "yes" as const,
    earlySignsPlan: "notSet" as const,
    sip: { held: "yes" as const, heldOn: "2026-01-10", nextFollowUpOn: "2026-07-10", convenedBy: "north", followUpOverdue: false },
  };

  it("sends only the plans the person changed", () => {
    expect(changedPlans(stated, draftOfPlans(stated))).toEqual({});
    expect(changedPlans(stated, { ...draftOfPlans(stated), earlySignsPlan: "no" })).toEqual({ earlySignsPlan: "no" });
    expect(changedPlans(stated, { ...draftOfPlans(stated), sipNextFollowUpOn: "2026-08-01" })).toEqual({
      sip: { held: "yes", heldOn: "2026-01-10", nextFollowUpOn: "2026-08-01", convenedBy: "north" },
    });
  });

  it("drops a SIP's details when the SIP is set back to not stated, and a date held when it was not held", () => {
    expect(changedPlans(stated, { ...draftOfPlans(stated), sipHeld: "notSet" })).toEqual({ sip: { held: "notSet" } });
    expect(changedPlans(stated, { ...draftOfPlans(stated), sipHeld: "no" }).sip).toEqual({
      held: "no",
      nextFollowUpOn: "2026-07-10",
      convenedBy: "north",
    });
  });

  it("starts a new participant's plans as not stated, and sends nothing unless the person states one", () => {
    expect(NO_PLANS_DRAFT).toMatchObject({ crisisPlan: "notSet", earlySignsPlan: "notSet", sipHeld: "notSet" });
    expect(changedPlans(undefined, NO_PLANS_DRAFT)).toEqual({});
    expect(changedPlans(undefined, { ...NO_PLANS_DRAFT, crisisPlan: "no" })).toEqual({ crisisPlan: "no" });
  });
});

describe("the remembered priority", () => {
  const storage = () => {
    const values = new Map<string, string>();
    return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
  };

  it("is each person's own last choice, and nothing before they chose", () => {
    const s = storage();
    const ada = rememberedPriority("ada", s);
    expect(ada.read()).toBeUndefined();
    ada.remember("high");
    expect(ada.read()).toBe("high");
    expect(rememberedPriority("bo", s).read()).toBeUndefined();
  });

  it("ignores what it cannot use: no storage, a stored value that is no priority, a storage that throws", () => {
    expect(rememberedPriority("ada", undefined).read()).toBeUndefined();
    const s = storage();
    s.setItem("factBoard.lastPriority.ada", "urgent");
    expect(rememberedPriority("ada", s).read()).toBeUndefined();
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
    };
    expect(rememberedPriority("ada", broken).read()).toBeUndefined();
    expect(() => rememberedPriority("ada", broken).remember("low")).not.toThrow();
  });
});
