// @ts-check
// Renders the Kustomize overlays with `kubectl kustomize` (kubectl ships Kustomize) and checks
// each object offline against the vendored Kubernetes schemas (schemas/kubernetes-1.36.json) with Ajv.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { loadAll } from 'js-yaml';

export const K8S_DIR = dirname(fileURLToPath(import.meta.url));
export const OVERLAYS = ['small', 'large'];

/**
 * The deployable apps of the local stack (tools/scripts/lib/apps.mjs): every one needs manifests.
 * Imported by path at run time: tools/scripts is a project of its own, not a library.
 * @returns {Promise<string[]>}
 */
export async function deployableApps() {
  const { APPS } = await import(join(K8S_DIR, '../../tools/scripts/lib/apps.mjs'));
  return APPS;
}

/** @typedef {{ apiVersion: string, kind: string, metadata: { name: string, [k: string]: unknown }, [k: string]: any }} K8sObject */

/**
 * The objects of one overlay, as `kubectl kustomize` renders them.
 * @param {string} overlay
 * @returns {K8sObject[]}
 */
export function render(overlay) {
  let out;
  try {
    out = execFileSync('kubectl', ['kustomize', join(K8S_DIR, 'overlays', overlay)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException & { stderr?: string }} */ (error);
    if (e.code === 'ENOENT')
      throw new Error('kubectl is needed to render deploy/k8s (it includes Kustomize)');
    throw new Error(`kubectl kustomize ${overlay} failed: ${e.stderr ?? e.message}`);
  }
  return /** @type {K8sObject[]} */ (loadAll(out).filter(Boolean));
}

/**
 * A validator per `apiVersion/kind` of the vendored schemas.
 * @returns {(object: K8sObject) => string[]} the problems of one object (none: valid)
 */
export function validator() {
  /** @type {{ kinds: Record<string, string>, definitions: Record<string, object> }} */
  const doc = JSON.parse(readFileSync(join(K8S_DIR, 'schemas/kubernetes-1.36.json'), 'utf8'));
  // strict: an unknown keyword in the schemas is an error; Kubernetes' own definitions leave some
  // `type`s implied, which strictTypes would refuse
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    validateFormats: false,
  });
  ajv.addSchema({ $id: 'k8s', definitions: doc.definitions });
  /** @type {Record<string, import('ajv').ValidateFunction>} */
  const byKind = {};
  return (object) => {
    const key = `${object.apiVersion}/${object.kind}`;
    const definition = doc.kinds[key];
    if (!definition) return [`${key} has no vendored schema`];
    byKind[key] ??= ajv.compile({
      allOf: [
        { $ref: `k8s#/definitions/${definition}` },
        { required: ['apiVersion', 'kind', 'metadata'], properties: { metadata: { required: ['name'] } } },
      ],
    });
    const validate = byKind[key];
    const name = `${object.kind}/${object.metadata?.name}`;
    if (validate(object)) return [];
    return (validate.errors ?? []).map(
      (e) => `${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
    );
  };
}
