// @ts-check
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecrets, RPC_ISSUERS } from './secrets.mjs';

describe('local secrets', () => {
  /** @type {string} */
  let root;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'claimline-secrets-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('generates them once into .data/local-secrets.json, readable by the owner only', () => {
    const first = localSecrets(root);
    const file = join(root, '.data', 'local-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(Buffer.from(first.PHI_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(first.adminPassword).toMatch(/^admin-[\w-]{12}$/);
    expect(localSecrets(root)).toEqual(first);
  });

  it('gives every issuer an Ed25519 key pair whose halves belong together', () => {
    const { rpcKeys } = localSecrets(root);
    expect(Object.keys(rpcKeys).sort()).toEqual([...RPC_ISSUERS].sort());
    const pair = rpcKeys['api-gateway'];
    const privateKey = createPrivateKey({
      key: Buffer.from(pair.privateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKey = createPublicKey({
      key: Buffer.from(pair.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const signature = sign(null, Buffer.from('hello'), privateKey);
    expect(verify(null, Buffer.from('hello'), publicKey, signature)).toBe(true);
    expect(rpcKeys['documents'].publicKey).not.toBe(pair.publicKey);
  });

  it('keeps what the file has and adds only what is missing (an issuer added later)', () => {
    const first = localSecrets(root);
    const file = join(root, '.data', 'local-secrets.json');
    const { documents: _dropped, ...otherKeys } = first.rpcKeys;
    writeFileSync(file, JSON.stringify({ ...first, adminPassword: 'admin-mine', rpcKeys: otherKeys }));
    const again = localSecrets(root);
    expect(again.adminPassword).toBe('admin-mine');
    expect(again.rpcKeys['api-gateway']).toEqual(first.rpcKeys['api-gateway']);
    expect(again.rpcKeys['documents'].publicKey).not.toBe(first.rpcKeys['documents'].publicKey);
    expect(JSON.parse(readFileSync(file, 'utf8')).rpcKeys['documents']).toEqual(again.rpcKeys['documents']);
  });
});
