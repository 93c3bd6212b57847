// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { deployableApps } from './k8s/manifests.mjs';

const APPS = await deployableApps();

const root = join(import.meta.dirname, '..');
/** @param {string} file */
const load = (file) => /** @type {any} */ (loadYaml(readFileSync(join(root, file), 'utf8')));
const base = load('docker-compose.yml');
const cluster = load('docker/docker-compose.nats-cluster.yml');
const NODES = ['nats', 'nats-2', 'nats-3'];

/**
 * A compose service with its YAML merge key (`<<: *nats-node`) applied, as compose applies it
 * (js-yaml leaves `<<` as a plain key).
 * @param {string} name
 */
const service = (name) => {
  const { '<<': shared = {}, ...own } = cluster.services[name];
  return { ...shared, ...own };
};

/**
 * @param {string[]} command
 * @param {string} flag
 */
const flag = (command, flag) => command[command.indexOf(flag) + 1];

describe('docker/docker-compose.nats-cluster.yml', () => {
  it('makes three JetStream nodes of one cluster, each routing to all three, each with its own store', () => {
    const routes = NODES.map((n) => `nats://${n}:6222`).join(',');
    const names = new Set();
    for (const node of NODES) {
      const command = cluster.services[node].command;
      expect(command).toContain('-js');
      expect(flag(command, '--cluster_name')).toBe('claimline');
      expect(flag(command, '--cluster')).toBe('nats://0.0.0.0:6222');
      expect(flag(command, '--routes')).toBe(routes);
      expect(flag(command, '-c')).toBe('/etc/nats/claimline.conf');
      names.add(flag(command, '--server_name'));
    }
    expect(names.size).toBe(3);
    // the first node keeps the base file's volumes; the others have their own, declared ones
    expect(base.services.nats.volumes).toContain('natsdata:/data');
    for (const node of ['nats-2', 'nats-3']) {
      const [store, config] = cluster.services[node].volumes;
      expect(store).toBe(`natsdata-${node.slice(-1)}:/data`);
      expect(Object.keys(cluster.volumes)).toContain(store.split(':')[0]);
      // the same permissions file as the first node, by the path compose resolves (the project directory)
      expect(config).toBe(
        base.services.nats.volumes.find((/** @type {string} */ v) => v.includes('claimline.conf')),
      );
      expect(service(node).healthcheck.test).toEqual(base.services.nats.healthcheck.test);
      // every app key the first node resolves, the others resolve too
      expect(Object.keys(service(node).environment).sort()).toEqual(
        Object.keys(base.services.nats.environment).sort(),
      );
    }
    expect(cluster.services.nats.ports).toBeUndefined();
  });

  it('gives every app all three servers and three replicas of its event stream', () => {
    for (const app of APPS) {
      expect(Object.keys(base.services)).toContain(app);
      expect(cluster.services[app].environment).toEqual({
        NATS_URL: NODES.map((n) => `nats://${n}:4222`).join(','),
        EVENTS_REPLICAS: '3',
      });
    }
  });
});
