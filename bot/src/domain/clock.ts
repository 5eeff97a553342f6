/** "Now", injected so that rules depending on it (expiry, deadlines, cover dates) are deterministic in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
