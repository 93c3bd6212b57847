import { createHash, KeyObject, sign, verify } from 'node:crypto';
import { Principal, ROLES } from '@claimline/contracts/common';

/** The only issuer whose assertions may name a user: users sign in at the gateway and nowhere else. */
export const GATEWAY_ISSUER = 'api-gateway';

/** Lifetime of an assertion: it only has to cross NATS once. */
export const ASSERTION_TTL_SECONDS = 30;
/** Tolerated clock difference between hosts. */
export const CLOCK_SKEW_SECONDS = 5;
/** Nothing we sign comes near this; a bigger header is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 64 * 1024;
/** Domain separation: these bytes are never valid as anything else we (or a JWT library) sign. */
const SIGNED_PREFIX = 'claimline-assertion.v1.';
/** A UUID is 36 characters; a longer id would only make the replay cache bigger. */
const MAX_ID_LENGTH = 64;

/**
 * What an assertion says. `aud` is the request-reply pattern it was made for, `dig` the SHA-256
 * of the request data, `jti` a random id the receiving process accepts once (`SeenAssertions`).
 */
export interface AssertionClaims {
  iss: string;
  aud: string;
  rid: string;
  jti: string;
  iat: number;
  exp: number;
  dig: string;
  prn: Principal;
}

export type AssertionFailure =
  | 'missing'
  | 'malformed'
  | 'unknown_issuer'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_subject'
  | 'wrong_body'
  | 'principal_not_allowed'
  | 'replayed';

export class AssertionError extends Error {
  constructor(
    readonly reason: AssertionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** SHA-256 of the request data as it travels (JSON), so an assertion cannot be moved onto another body. */
export function dataDigest(data: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(data ?? null))
    .digest('base64url');
}

/** Signs claims with Ed25519 (the one algorithm; nothing in the token chooses it). */
export function signAssertion(privateKey: KeyObject, claims: AssertionClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign(null, Buffer.from(SIGNED_PREFIX + body), privateKey);
  return `${body}.${signature.toString('base64url')}`;
}

export interface VerifyOptions {
  /** Public keys of the issuers this process trusts, by issuer name. */
  trusted: ReadonlyMap<string, KeyObject>;
  /** The patterns of the handler being called: the assertion must name one of them. */
  patterns: readonly string[];
  /** `dataDigest` of the request data received. */
  digest: string;
  nowSeconds?: number;
}

/** Checks an assertion completely and returns what it says, or throws `AssertionError` saying why not. */
export function verifyAssertion(token: string | undefined | null, o: VerifyOptions): AssertionClaims {
  if (!token) throw new AssertionError('missing', 'The request carries no signed caller assertion');
  if (token.length > MAX_TOKEN_LENGTH) throw new AssertionError('malformed', 'The assertion is too large');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new AssertionError('malformed', 'The assertion is not <claims>.<signature>');
  const [body, signature] = parts;
  let claims: AssertionClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AssertionClaims;
  } catch {
    throw new AssertionError('malformed', 'The assertion claims are not JSON');
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.iss !== 'string')
    throw new AssertionError('malformed', 'The assertion names no issuer');
  const key = o.trusted.get(claims.iss);
  if (!key) throw new AssertionError('unknown_issuer', `Assertions of ${claims.iss} are not trusted here`);
  const valid = verify(null, Buffer.from(SIGNED_PREFIX + body), key, Buffer.from(signature, 'base64url'));
  if (!valid) throw new AssertionError('bad_signature', 'The assertion signature is not valid');
  checkShape(claims);
  const now = o.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (claims.exp <= now - CLOCK_SKEW_SECONDS)
    throw new AssertionError('expired', 'The assertion has expired');
  if (claims.iat > now + CLOCK_SKEW_SECONDS || claims.exp - claims.iat > ASSERTION_TTL_SECONDS)
    throw new AssertionError('not_yet_valid', 'The assertion is not valid at this time');
  // Checked after the times so that an old token is still reported as expired.
  if (typeof claims.jti !== 'string' || claims.jti === '' || claims.jti.length > MAX_ID_LENGTH)
    throw new AssertionError('malformed', 'The assertion has no usable id');
  if (!o.patterns.includes(claims.aud))
    throw new AssertionError('wrong_subject', `The assertion was made for ${claims.aud}`);
  if (claims.dig !== o.digest)
    throw new AssertionError('wrong_body', 'The assertion was made for another request body');
  const p = claims.prn;
  if (p.kind === 'user' && claims.iss !== GATEWAY_ISSUER)
    throw new AssertionError('principal_not_allowed', `${claims.iss} may not assert a user`);
  if (p.kind === 'service' && p.service !== claims.iss)
    throw new AssertionError('principal_not_allowed', `${claims.iss} may only assert itself`);
  if (p.kind === 'service' && !p.rights.includes(claims.aud))
    throw new AssertionError(
      'principal_not_allowed',
      `${p.service} did not claim the right to ${claims.aud}`,
    );
  return claims;
}

function checkShape(c: AssertionClaims): void {
  const p = c.prn as Partial<Principal> | undefined;
  const scope = (v: unknown) => v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  const ok =
    typeof c.aud === 'string' &&
    typeof c.rid === 'string' &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp) &&
    typeof c.dig === 'string' &&
    typeof p === 'object' &&
    p !== null &&
    ((p.kind === 'user' &&
      typeof p.userId === 'string' &&
      (ROLES as readonly string[]).includes(p.role as string) &&
      scope(p.practiceIds)) ||
      (p.kind === 'service' &&
        typeof p.service === 'string' &&
        Array.isArray(p.rights) &&
        p.rights.every((r) => typeof r === 'string') &&
        scope(p.practiceIds)));
  if (!ok) throw new AssertionError('malformed', 'The assertion claims are incomplete');
}
