// @ts-check
import { generateKeyPairSync, verify, createPublicKey } from 'node:crypto';
import { gatewayAssertion } from './assertion.mjs';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const secrets = /** @type {import('./secrets.mjs').LocalSecrets} */ (
  /** @type {unknown} */ ({
    rpcKeys: {
      'api-gateway': { privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') },
    },
  })
);
const actor = { userId: 'u1', role: 'billing_staff', practiceIds: ['p1'] };

/** @param {string} token */
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());

describe('gatewayAssertion', () => {
  it('signs the claims the services check, with a new jti on every call (replays are refused)', () => {
    const a = gatewayAssertion(secrets, 'claims.claim.get', { id: 1 }, actor, 'r1');
    const b = gatewayAssertion(secrets, 'claims.claim.get', { id: 1 }, actor, 'r1');
    const [body, signature] = a.split('.');
    expect(
      verify(
        null,
        Buffer.from(`claimline-assertion.v1.${body}`),
        createPublicKey(publicKey.export({ format: 'pem', type: 'spki' })),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    expect(claimsOf(a)).toMatchObject({ iss: 'api-gateway', aud: 'claims.claim.get', rid: 'r1' });
    expect(claimsOf(a).jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claimsOf(a).jti).not.toBe(claimsOf(b).jti);
  });
});
