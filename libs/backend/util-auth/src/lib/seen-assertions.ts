import { CLOCK_SKEW_SECONDS } from './assertion';

/**
 * The assertion ids this process has accepted, each kept until its assertion could no longer be
 * verified (`exp` plus the tolerated skew), so a second use inside the lifetime is refused and
 * memory holds at most one lifetime's worth of requests. Per process: see ADR 0011 for what a
 * replay to another replica gets.
 */
export class SeenAssertions {
  /** jti → the second after which the assertion is expired everywhere. Insertion order ≈ expiry order. */
  private readonly until = new Map<string, number>();

  /** Records `jti`; false if it was already recorded and has not expired. */
  accept(jti: string, exp: number, nowSeconds: number = Math.floor(Date.now() / 1000)): boolean {
    this.sweep(nowSeconds);
    const known = this.until.get(jti);
    if (known !== undefined && known >= nowSeconds) return false;
    // Re-inserting keeps the map in expiry order for `sweep`.
    this.until.delete(jti);
    this.until.set(jti, exp + CLOCK_SKEW_SECONDS);
    return true;
  }

  get size(): number {
    return this.until.size;
  }

  /**
   * Drops expired entries from the front. Every issuer signs with the same lifetime, so entries
   * arrive nearly in expiry order; one that expires later than its successors only delays their
   * removal by at most the lifetime, which keeps the bound.
   */
  private sweep(nowSeconds: number): void {
    for (const [jti, until] of this.until) {
      if (until >= nowSeconds) break;
      this.until.delete(jti);
    }
  }
}
