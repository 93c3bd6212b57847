// @ts-check
// Local-only secrets, generated once per checkout into .data/ (never committed): the JWT key,
// the PHI encryption key, each app's Ed25519 key pair for signed caller assertions and the demo
// passwords. Production takes them from its own configuration.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const word = () => randomBytes(9).toString('base64url');

/** Apps that sign what they assert about a caller (the issuer names services trust). */
export const RPC_ISSUERS = [
  'api-gateway',
  'practice-settings',
  'client-insurance',
  'enrollments',
  'notifications',
  'documents',
  'claims',
  'messaging',
  'payments',
];

/**
 * @typedef {{ privateKey: string, publicKey: string }} RpcKeyPair base64 DER (PKCS#8, SPKI)
 * @typedef {{
 *   JWT_SECRET: string,
 *   PHI_ENCRYPTION_KEY: string,
 *   adminPassword: string,
 *   staffPassword: string,
 *   ownerPassword: string,
 *   rpcKeys: Record<string, RpcKeyPair>,
 * }} LocalSecrets
 */

/** @returns {RpcKeyPair} */
function rpcKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/**
 * @param {string} root the checkout
 * @returns {LocalSecrets}
 */
export function localSecrets(root) {
  const dir = join(root, '.data');
  const file = join(dir, 'local-secrets.json');
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    adminPassword: `admin-${word()}`,
    staffPassword: `staff-${word()}`,
    ownerPassword: `owner-${word()}`,
    ...existing,
  };
  // Per issuer, so that an app added later gets its pair without replacing the others.
  secrets.rpcKeys = Object.fromEntries(
    RPC_ISSUERS.map((issuer) => [issuer, existing.rpcKeys?.[issuer] ?? rpcKeyPair()]),
  );
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  }
  return secrets;
}

export const DEMO = {
  admin: 'admin@claimline.local',
  staff: 'billing@claimline.local',
  owner: 'owner@demo-practice.local',
  practiceName: 'Demo Counseling Practice',
};
