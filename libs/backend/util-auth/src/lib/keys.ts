import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { registerDecorator, ValidationOptions } from 'class-validator';
import type { Principal } from '@claimline/contracts/common';
import { ASSERTION_TTL_SECONDS, AssertionClaims, dataDigest, signAssertion } from './assertion';

/** An Ed25519 private key: base64 of its PKCS#8 DER (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`). */
export function parseSigningKey(base64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  return key;
}

/** An Ed25519 public key: base64 of its SPKI DER (`openssl pkey -pubout -outform DER | base64 -w0`). */
export function parsePublicKey(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

/** `RPC_TRUSTED_KEYS`: `issuer=<base64 SPKI>` entries, comma-separated. Throws naming the bad entry. */
export function parseTrustedKeys(value: string): Map<string, KeyObject> {
  const trusted = new Map<string, KeyObject>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const issuer = at > 0 ? entry.slice(0, at) : '';
    if (!/^[a-z][a-z0-9-]*$/.test(issuer)) throw new Error(`"${entry.slice(0, 20)}…" is not issuer=<key>`);
    try {
      trusted.set(issuer, parsePublicKey(entry.slice(at + 1)));
    } catch (error) {
      throw new Error(`the key of ${issuer}: ${(error as Error).message}`);
    }
  }
  return trusted;
}

/** A fresh key pair, as the configuration takes it (local stack and tests). */
export function generateAssertionKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/**
 * Signs what a process asserts about the caller of each request it sends: made by
 * `RpcAuthModule` from `RPC_SIGNING_KEY` and given to `RpcClient`.
 */
export class AssertionSigner {
  private readonly key: KeyObject;

  constructor(
    readonly issuer: string,
    privateKey: KeyObject | string,
  ) {
    this.key = typeof privateKey === 'string' ? parseSigningKey(privateKey) : privateKey;
  }

  sign(subject: string, data: unknown, principal: Principal, requestId: string = randomUUID()): string {
    const iat = Math.floor(Date.now() / 1000);
    const claims: AssertionClaims = {
      iss: this.issuer,
      aud: subject,
      rid: requestId,
      jti: randomUUID(),
      iat,
      exp: iat + ASSERTION_TTL_SECONDS,
      dig: dataDigest(data),
      prn: principal,
    };
    return signAssertion(this.key, claims);
  }
}

function validator(
  name: string,
  check: (v: string) => unknown,
  message: string,
  options?: ValidationOptions,
) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value === '') return false;
          try {
            check(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** `RPC_SIGNING_KEY` is a base64 PKCS#8 Ed25519 private key. */
export function IsSigningKey(options?: ValidationOptions) {
  return validator(
    'isSigningKey',
    parseSigningKey,
    '$property must be an Ed25519 private key, base64 of its PKCS#8 DER',
    options,
  );
}

/** `RPC_TRUSTED_KEYS` is issuer=<base64 SPKI Ed25519 public key>, comma-separated. */
export function IsTrustedKeys(options?: ValidationOptions) {
  return validator(
    'isTrustedKeys',
    (v) => {
      if (parseTrustedKeys(v).size === 0) throw new Error('empty');
    },
    '$property must list issuer=<base64 SPKI Ed25519 public key>, comma-separated',
    options,
  );
}
