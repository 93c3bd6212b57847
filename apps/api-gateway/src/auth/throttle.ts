/** Sign-in attempts per minute per client address (set from configuration at boot). */
let loginLimit = 30;

export function configureLoginThrottle(limit: number): void {
  loginLimit = limit;
}

export function loginThrottle() {
  return { default: { limit: () => loginLimit, ttl: 60_000 } };
}
