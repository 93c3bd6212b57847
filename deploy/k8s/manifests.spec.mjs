// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployableApps, K8S_DIR, OVERLAYS, render, validator } from './manifests.mjs';

const APPS = await deployableApps();

/** @typedef {import('./manifests.mjs').K8sObject} K8sObject */

// Variables that hold a secret: they may reach a pod only from a Secret, never as a literal.
const SECRET_NAMES = /SECRET|PASSWORD|KEY|SEED|DATABASE_URL|SMTP_URL/;

const validate = validator();
const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(o)]));

/**
 * @param {K8sObject[]} objects
 * @param {string} kind
 * @param {string} name
 */
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = rendered[overlay];

  it('renders only objects that the Kubernetes schemas accept', () => {
    expect(objects.length).toBeGreaterThan(APPS.length * 3);
    expect(objects.flatMap(validate)).toEqual([]);
  });

  it('puts everything in the claimline namespace and defines no Secret', () => {
    for (const o of objects.filter((x) => x.kind !== 'Namespace'))
      expect(`${o.kind}/${o.metadata.name} ${o.metadata['namespace']}`).toBe(
        `${o.kind}/${o.metadata.name} claimline`,
      );
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it.each(APPS)('runs %s with probes, resources, a disruption budget and an autoscaler', (app) => {
    const deployment = find(objects, 'Deployment', app);
    expect(deployment).toBeDefined();
    const pod = deployment?.['spec'].template.spec;
    const labels = deployment?.['spec'].template.metadata.labels;
    expect(deployment?.['spec'].selector.matchLabels).toEqual({ 'app.kubernetes.io/name': app });
    for (const c of [...pod.initContainers, ...pod.containers]) {
      expect(c.image).toMatch(new RegExp(`^claimline/${app}:\\d+\\.\\d+\\.\\d+$`));
      expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(c.resources.limits.memory).toBeDefined();
      expect(c.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      // secrets by reference: the app's Secret, and no literal value under a secret's name
      expect(c.envFrom).toContainEqual({ secretRef: { name: app } });
      for (const e of c.env ?? []) if (e.value !== undefined) expect(e.name).not.toMatch(SECRET_NAMES);
    }
    const [main] = pod.containers;
    expect(main.args).toEqual(['main.js']);
    expect(pod.initContainers[0].args).toEqual(['migrate.js']);
    const portNames = main.ports.map((/** @type {{ name: string }} */ p) => p.name);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(portNames).toContain(main[probe].httpGet.port);
    }
    if (app === 'api-gateway') {
      expect(main.livenessProbe.httpGet.path).toBe('/health/live');
      expect(main.readinessProbe.httpGet.path).toBe('/health/ready');
      const service = find(objects, 'Service', app);
      expect(service?.['spec'].selector).toEqual({ 'app.kubernetes.io/name': app });
    } else {
      expect(main.readinessProbe.httpGet).toEqual({ path: '/metrics', port: 'metrics' });
    }

    const pdb = find(objects, 'PodDisruptionBudget', app);
    expect(pdb?.['spec'].selector.matchLabels).toEqual({ 'app.kubernetes.io/name': app });
    expect(labels).toMatchObject(pdb?.['spec'].selector.matchLabels);

    const hpa = find(objects, 'HorizontalPodAutoscaler', app);
    expect(hpa?.['spec'].scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
    expect(hpa?.['spec'].minReplicas).toBeLessThanOrEqual(hpa?.['spec'].maxReplicas);
    expect(hpa?.['spec'].metrics).toContainEqual({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
    });
  });

  it('hands every app the shared configuration of this overlay (a hashed ConfigMap that exists)', () => {
    const configMaps = objects.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name);
    for (const d of objects.filter((o) => o.kind === 'Deployment')) {
      const [ref] = d['spec'].template.spec.containers[0].envFrom;
      expect(configMaps).toContain(ref.configMapRef.name);
    }
  });
});

describe('the overlays differ by size', () => {
  it('small: one pod of each app; large: three gateways that also scale on their request rate', () => {
    const replicas = (/** @type {string} */ overlay, /** @type {string} */ app) =>
      find(rendered[overlay], 'Deployment', app)?.['spec'].replicas;
    expect(APPS.map((a) => replicas('small', a))).toEqual(APPS.map(() => 1));
    expect(replicas('large', 'api-gateway')).toBe(3);
    const metric = find(rendered['large'], 'HorizontalPodAutoscaler', 'api-gateway')?.['spec'].metrics[1];
    expect(metric.pods.metric.name).toBe('claimline_http_requests_per_second');
    // the adapter's rules define what the autoscalers read
    const rules = find(rendered['large'], 'ConfigMap', 'claimline-prometheus-adapter-rules')?.['data'][
      'config.yaml'
    ];
    for (const hpa of rendered['large'].filter((o) => o.kind === 'HorizontalPodAutoscaler'))
      for (const m of hpa['spec'].metrics.filter((/** @type {{ type: string }} */ x) => x.type === 'Pods'))
        expect(rules).toContain(`as: '${m.pods.metric.name}'`);
  });
});

describe('the schema check', () => {
  const [deployment] = rendered['small'].filter((o) => o.kind === 'Deployment');

  it('refuses a wrong type, an unknown field and a missing required field', () => {
    const copy = () => JSON.parse(JSON.stringify(deployment));
    const wrongType = copy();
    wrongType.spec.replicas = 'two';
    const unknown = copy();
    unknown.spec.template.spec.containers[0].livenessprobe = {};
    const missing = copy();
    delete missing.spec.selector;
    expect(validate(wrongType).join()).toContain('/spec/replicas must be integer');
    expect(validate(unknown).join()).toContain('must NOT have additional properties');
    expect(validate(missing).join()).toContain("must have required property 'selector'");
    expect(validate({ ...deployment, kind: 'Deploymnt' })).toEqual([
      'apps/v1/Deploymnt has no vendored schema',
    ]);
  });

  it('takes a port as a number or a name (IntOrString)', () => {
    const copy = JSON.parse(JSON.stringify(deployment));
    copy.spec.template.spec.containers[0].livenessProbe.httpGet.port = 9464;
    expect(validate(copy)).toEqual([]);
    copy.spec.template.spec.containers[0].livenessProbe.httpGet.port = 9.5;
    expect(validate(copy)).not.toEqual([]);
  });
});

describe('the vendored schemas', () => {
  it('say where they come from and under which licence', () => {
    const doc = JSON.parse(readFileSync(join(K8S_DIR, 'schemas/kubernetes-1.36.json'), 'utf8'));
    expect(doc.$comment).toContain('Apache-2.0');
    expect(readFileSync(join(K8S_DIR, 'schemas/LICENSE'), 'utf8')).toContain('Apache License');
  });
});
