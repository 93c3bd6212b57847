import { Principal } from '@claimline/contracts/common';
import { AssertionError, dataDigest, signAssertion, verifyAssertion, VerifyOptions } from './assertion';
import {
  AssertionSigner,
  generateAssertionKeys,
  parsePublicKey,
  parseSigningKey,
  parseTrustedKeys,
} from './keys';

const gateway = generateAssertionKeys();
const enrollments = generateAssertionKeys();
const stranger = generateAssertionKeys();
const trusted = parseTrustedKeys(`api-gateway=${gateway.publicKey},enrollments=${enrollments.publicKey}`);
const user: Principal = { kind: 'user', userId: 'u1', role: 'billing_staff', practiceIds: ['p1'] };
const SUBJECT = 'client-insurance.client.list';
const data = { practiceId: 'p1', limit: 10 };

function options(over: Partial<VerifyOptions> = {}): VerifyOptions {
  return { trusted, patterns: [SUBJECT], digest: dataDigest(data), ...over };
}

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AssertionError) return error.reason;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('caller assertions', () => {
  it('verifies what the gateway signed and returns the principal', () => {
    const token = new AssertionSigner('api-gateway', gateway.privateKey).sign(SUBJECT, data, user, 'r1');
    const claims = verifyAssertion(token, options());
    expect(claims.prn).toEqual(user);
    expect(claims.rid).toBe('r1');
    expect(claims.exp - claims.iat).toBe(30);
  });

  it('refuses a missing assertion', () => {
    expect(reason(() => verifyAssertion(undefined, options()))).toBe('missing');
    expect(reason(() => verifyAssertion('', options()))).toBe('missing');
  });

  it('refuses an expired one', () => {
    const token = new AssertionSigner('api-gateway', gateway.privateKey).sign(SUBJECT, data, user);
    const now = Math.floor(Date.now() / 1000);
    expect(reason(() => verifyAssertion(token, options({ nowSeconds: now + 36 })))).toBe('expired');
    expect(verifyAssertion(token, options({ nowSeconds: now + 20 })).prn).toEqual(user);
  });

  it('refuses a tampered one (claims changed after signing)', () => {
    const token = new AssertionSigner('api-gateway', gateway.privateKey).sign(SUBJECT, data, user);
    const [body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    claims.prn.practiceIds = null;
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect(reason(() => verifyAssertion(forged, options()))).toBe('bad_signature');
    expect(reason(() => verifyAssertion(`${body}.${sig.slice(0, -4)}AAAA`, options()))).toBe('bad_signature');
    expect(reason(() => verifyAssertion('not-a-token', options()))).toBe('malformed');
  });

  it('refuses one signed with a key the issuer does not hold', () => {
    const token = new AssertionSigner('api-gateway', stranger.privateKey).sign(SUBJECT, data, user);
    expect(reason(() => verifyAssertion(token, options()))).toBe('bad_signature');
  });

  it('refuses an issuer it does not know', () => {
    const token = new AssertionSigner('claims', stranger.privateKey).sign(SUBJECT, data, {
      kind: 'service',
      service: 'claims',
      rights: [SUBJECT],
      practiceIds: ['p1'],
    });
    expect(reason(() => verifyAssertion(token, options()))).toBe('unknown_issuer');
  });

  it('binds the assertion to its subject and its body', () => {
    const token = new AssertionSigner('api-gateway', gateway.privateKey).sign(SUBJECT, data, user);
    expect(reason(() => verifyAssertion(token, options({ patterns: ['client-insurance.client.get'] })))).toBe(
      'wrong_subject',
    );
    expect(
      reason(() => verifyAssertion(token, options({ digest: dataDigest({ ...data, practiceId: 'p2' }) }))),
    ).toBe('wrong_body');
  });

  it('lets only the gateway assert users, and a service only itself with the right it claims', () => {
    const asUser = new AssertionSigner('enrollments', enrollments.privateKey).sign(SUBJECT, data, user);
    expect(reason(() => verifyAssertion(asUser, options()))).toBe('principal_not_allowed');
    const asOther = new AssertionSigner('enrollments', enrollments.privateKey).sign(SUBJECT, data, {
      kind: 'service',
      service: 'documents',
      rights: [SUBJECT],
      practiceIds: ['p1'],
    });
    expect(reason(() => verifyAssertion(asOther, options()))).toBe('principal_not_allowed');
    const noRight = new AssertionSigner('enrollments', enrollments.privateKey).sign(SUBJECT, data, {
      kind: 'service',
      service: 'enrollments',
      rights: ['client-insurance.payer.get'],
      practiceIds: ['p1'],
    });
    expect(reason(() => verifyAssertion(noRight, options()))).toBe('principal_not_allowed');
  });

  it('refuses an assertion living longer than the limit, even when signed', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signAssertion(parseSigningKey(gateway.privateKey), {
      iss: 'api-gateway',
      aud: SUBJECT,
      rid: 'r',
      jti: 'j',
      iat: now,
      exp: now + 3600,
      dig: dataDigest(data),
      prn: user,
    });
    expect(reason(() => verifyAssertion(token, options()))).toBe('not_yet_valid');
  });

  it('gives every assertion its own id, and refuses a signed one without a usable id', () => {
    const signer = new AssertionSigner('api-gateway', gateway.privateKey);
    const first = verifyAssertion(signer.sign(SUBJECT, data, user, 'r1'), options());
    const retry = verifyAssertion(signer.sign(SUBJECT, data, user, 'r1'), options());
    expect(first.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry.jti).not.toBe(first.jti);
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'api-gateway', aud: SUBJECT, rid: 'r', iat: now, exp: now + 30 };
    const key = parseSigningKey(gateway.privateKey);
    for (const jti of [undefined, '', 'x'.repeat(65)]) {
      const token = signAssertion(key, { ...claims, jti, dig: dataDigest(data), prn: user } as never);
      expect(reason(() => verifyAssertion(token, options()))).toBe('malformed');
    }
  });

  it('parses keys strictly', () => {
    expect(() => parsePublicKey(gateway.privateKey)).toThrow();
    expect(() => parseSigningKey(gateway.publicKey)).toThrow();
    expect(() => parseTrustedKeys(`api-gateway:${gateway.publicKey}`)).toThrow(/issuer=<key>/);
    expect(() => parseTrustedKeys(`api-gateway=AAAA`)).toThrow(/api-gateway/);
    expect([...parseTrustedKeys(` api-gateway=${gateway.publicKey} ,`).keys()]).toEqual(['api-gateway']);
  });
});
