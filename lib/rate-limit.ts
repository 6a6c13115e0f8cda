/** At most `max` events per key in any `windowMs`: e.g. tabs a page may have us open for it. */
export class RateLimit<Key> {
  private readonly recent = new Map<Key, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Whether one more event is allowed now (it is then counted). */
  allow(key: Key, now = Date.now()): boolean {
    const times = (this.recent.get(key) ?? []).filter((time) => now - time < this.windowMs);
    const allowed = times.length < this.max;
    if (allowed) times.push(now);
    this.recent.set(key, times);
    return allowed;
  }

  forget(key: Key): void {
    this.recent.delete(key);
  }
}
