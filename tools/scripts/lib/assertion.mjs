// @ts-check
// Signs a caller assertion the way the gateway does (libs/backend/util-auth/src/lib/assertion.ts,
// ADR 0011), for scripts that call a service straight over NATS as the gateway (benchmarks).
import { createHash, createPrivateKey, randomUUID, sign } from 'node:crypto';

/**
 * @param {import('./secrets.mjs').LocalSecrets} secrets
 * @param {string} subject the RPC subject called (the assertion's audience)
 * @param {unknown} data the request's payload, whose digest the assertion carries
 * @param {{ userId: string, role: string, practiceIds: string[] }} actor
 * @param {string} requestId
 */
export function gatewayAssertion(secrets, subject, data, actor, requestId) {
  const key = createPrivateKey({
    key: Buffer.from(secrets.rpcKeys['api-gateway'].privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'api-gateway',
    aud: subject,
    rid: requestId,
    iat,
    exp: iat + 30,
    // A new id each call: a receiving process accepts an assertion once (replays are refused).
    jti: randomUUID(),
    dig: createHash('sha256')
      .update(JSON.stringify(data ?? null))
      .digest('base64url'),
    prn: { kind: 'user', userId: actor.userId, role: actor.role, practiceIds: actor.practiceIds },
  };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(null, Buffer.from(`claimline-assertion.v1.${body}`), key).toString('base64url')}`;
}
