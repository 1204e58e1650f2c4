/** Time and identity of the person making a change, injected so tests and exports are deterministic. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
