import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { registry, startProcessMetrics } from './metrics';

const root = join(__dirname, '../../../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every series name the registry can expose (a histogram's `_bucket`, `_count` and `_sum`). */
function registeredSeries(): Set<string> {
  startProcessMetrics('unit-test');
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(name + suffix);
  }
  return names;
}

/** The metric names a PromQL expression reads (ours and Node's; PromQL functions are not ours). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:claimline|nodejs|process)_[a-z0-9_]+)\b/g)].map((m) => m[1]);
}

interface Rule {
  alert?: string;
  expr?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

describe('alert rules and dashboard', () => {
  const series = registeredSeries();

  it('alert rules parse, are complete, and read only metrics the code registers', () => {
    const file = load(read('docker/prometheus/alerts.yml')) as { groups: { name: string; rules: Rule[] }[] };
    const rules = file.groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(6);
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^Claimline[A-Za-z0-9]+$/);
      expect(typeof rule.expr).toBe('string');
      expect(['page', 'warn']).toContain(rule.labels?.['severity']);
      expect(rule.annotations?.['summary']).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
      const used = metricsIn(rule.expr!);
      expect(used.length).toBeGreaterThan(0);
      for (const name of used)
        expect({ rule: rule.alert, name, registered: series.has(name) }).toMatchObject({ registered: true });
    }
    // what a billing team asked for (issue #21): outbox lag, consumer lag and redeliveries, e-mail failures, 5xx
    const watched = new Set(rules.flatMap((r) => metricsIn(r.expr!)));
    for (const name of [
      'claimline_outbox_lag_seconds',
      'claimline_consumer_pending_messages',
      'claimline_consumer_redelivered_total',
      'claimline_email_queue',
      'claimline_http_request_duration_seconds_count',
    ])
      expect(watched).toContain(name);
  });

  it('the dashboard parses and every panel queries only metrics the code registers', () => {
    const dashboard = JSON.parse(read('docker/grafana/claimline.dashboard.json')) as {
      uid: string;
      panels: { id: number; type: string; title: string; targets?: { expr: string; refId: string }[] }[];
    };
    expect(dashboard.uid).toBe('claimline');
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    const queried = new Set<string>();
    for (const panel of graphs) {
      expect(panel.title).toBeTruthy();
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets!) {
        const used = metricsIn(target.expr);
        expect(used.length).toBeGreaterThan(0);
        for (const name of used) {
          queried.add(name);
          expect({ panel: panel.title, name, registered: series.has(name) }).toMatchObject({
            registered: true,
          });
        }
      }
    }
    // every metric of ours is on the dashboard somewhere
    for (const name of series)
      if (
        name.startsWith('claimline_') &&
        !name.endsWith('_sum') &&
        name !== 'claimline_metrics_read_errors_total'
      ) {
        const base = name.replace(/_(bucket|count)$/, '');
        expect({ name, shown: [...queried].some((q) => q.startsWith(base)) }).toMatchObject({ shown: true });
      }
  });
});
