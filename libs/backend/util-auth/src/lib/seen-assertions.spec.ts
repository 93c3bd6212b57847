import { ASSERTION_TTL_SECONDS, CLOCK_SKEW_SECONDS } from './assertion';
import { SeenAssertions } from './seen-assertions';

describe('SeenAssertions', () => {
  const now = 1_800_000_000;
  const exp = now + ASSERTION_TTL_SECONDS;

  it('accepts an id once for as long as its assertion could be verified', () => {
    const seen = new SeenAssertions();
    expect(seen.accept('a', exp, now)).toBe(true);
    expect(seen.accept('a', exp, now)).toBe(false);
    expect(seen.accept('a', exp, exp + CLOCK_SKEW_SECONDS)).toBe(false);
    expect(seen.accept('b', exp, now)).toBe(true);
  });

  it('forgets ids whose assertions have expired, so memory holds one lifetime of requests', () => {
    const seen = new SeenAssertions();
    for (let i = 0; i < 1000; i++) expect(seen.accept(`old-${i}`, exp, now)).toBe(true);
    expect(seen.size).toBe(1000);
    const later = exp + CLOCK_SKEW_SECONDS + 1;
    expect(seen.accept('new', later + ASSERTION_TTL_SECONDS, later)).toBe(true);
    expect(seen.size).toBe(1);
    // Expired anyway (the verifier refuses it first); accepting it again keeps nothing stale.
    expect(seen.accept('old-1', exp, later)).toBe(true);
  });

  it('keeps an id that expires later than those after it until its own expiry', () => {
    const seen = new SeenAssertions();
    expect(seen.accept('long', exp + 5, now)).toBe(true);
    expect(seen.accept('short', exp, now)).toBe(true);
    const between = exp + CLOCK_SKEW_SECONDS + 1;
    expect(seen.accept('long', exp + 5, between)).toBe(false);
  });
});
