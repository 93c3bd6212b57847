import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one registry: every metric below, plus Node's own (event-loop delay, heap, GC,
 * CPU, handles) once `startProcessMetrics()` ran. Prometheus scrapes one process at a time, so the
 * process's service name is a default label of every series rather than a label of each metric.
 */
export const registry = new Registry();

/** Seconds, from 1 ms to 10 s: the range of an API call, an RPC and a relay round trip. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How long a scrape waits for one value read from the database or NATS before leaving it out. */
export const SCRAPE_READ_TIMEOUT_MS = 2000;

let defaultMetricsOn = false;

/**
 * Names the process (`service` label on every series) and starts Node's default metrics. Once per
 * process; a second call (a test starting another app in the same process) renames it.
 */
export function startProcessMetrics(service: string): void {
  registry.setDefaultLabels({ service });
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  collectDefaultMetrics({ register: registry });
}

/** The gateway's HTTP requests, by route template (never the URL: it carries ids), method and status class. */
export const httpRequestDuration = new Histogram({
  name: 'claimline_http_request_duration_seconds',
  help: 'HTTP requests handled by the gateway, by route template, method and status class',
  labelNames: ['route', 'method', 'status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** RPC requests a service answered, by subject (the pattern, without the run's prefix) and outcome. */
export const rpcServerDuration = new Histogram({
  name: 'claimline_rpc_server_duration_seconds',
  help: 'RPC requests answered by this process, by subject and outcome (ok or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** RPC calls this process made, by subject and outcome (`timeout` and `unavailable` included). */
export const rpcClientDuration = new Histogram({
  name: 'claimline_rpc_client_duration_seconds',
  help: 'RPC calls made by this process, by subject and outcome (ok or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const outboxPublished = new Counter({
  name: 'claimline_outbox_published_total',
  help: 'Outbox rows the relay published to JetStream, by schema',
  labelNames: ['schema'] as const,
  registers: [registry],
});

export const consumerHandled = new Counter({
  name: 'claimline_consumer_handled_total',
  help: 'Events a durable consumer acknowledged after its transaction (duplicates found in the inbox included)',
  labelNames: ['durable'] as const,
  registers: [registry],
});

export const consumerRedelivered = new Counter({
  name: 'claimline_consumer_redelivered_total',
  help: 'Events a durable consumer received again (a nak, a lost ack, a restart)',
  labelNames: ['durable'] as const,
  registers: [registry],
});

export const consumerFailed = new Counter({
  name: 'claimline_consumer_failed_total',
  help: 'Events a durable consumer could not handle: the handler threw (nak, redelivered later) or the message was not JSON (dropped)',
  labelNames: ['durable'] as const,
  registers: [registry],
});

export const scrapeReadErrors = new Counter({
  name: 'claimline_metrics_read_errors_total',
  help: 'Values read at scrape time that failed or took too long, by metric (the series is left out of that scrape)',
  labelNames: ['metric'] as const,
  registers: [registry],
});

/** One value of a gauge read at scrape time. */
export interface GaugeSample<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

/** Reads the current values of a gauge; called on every scrape. */
export type GaugeSource<L extends string> = () => Promise<GaugeSample<L>[]> | GaugeSample<L>[];

/** A gauge whose values are read when Prometheus scrapes, from the sources the process added. */
export interface ScrapeGauge<L extends string> {
  readonly name: string;
  /** Adds a source; returns what removes it (on shutdown). */
  add(source: GaugeSource<L>): () => void;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A gauge read at scrape time. Each scrape starts empty, so a source that fails or times out
 * leaves its series out (and counts in `claimline_metrics_read_errors_total`) instead of
 * repeating an old value.
 */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
): ScrapeGauge<L> {
  const sources = new Set<GaugeSource<L>>();
  new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      const results = await Promise.allSettled(
        [...sources].map((source) => withTimeout(Promise.resolve().then(source), SCRAPE_READ_TIMEOUT_MS)),
      );
      for (const result of results) {
        if (result.status === 'rejected') {
          scrapeReadErrors.inc({ metric: name });
          continue;
        }
        for (const sample of result.value) this.set(sample.labels, sample.value);
      }
    },
  });
  return {
    name,
    add(source) {
      sources.add(source);
      return () => sources.delete(source);
    },
  };
}

/** Age of the oldest outbox row not yet published (0 when none waits), read with one indexed query. */
export const outboxLag = scrapeGauge(
  'claimline_outbox_lag_seconds',
  'Age of the oldest unpublished outbox row in seconds (0 when the outbox is drained), by schema',
  ['schema'],
);

/** Messages of a durable's stream not yet delivered to it (JetStream's `num_pending`). */
export const consumerPending = scrapeGauge(
  'claimline_consumer_pending_messages',
  'Messages of the stream not yet delivered to the durable consumer (its lag), by durable',
  ['durable'],
);

/** The process's PostgreSQL pool (TypeORM's pg pool). */
export const dbPool = scrapeGauge(
  'claimline_db_pool_connections',
  'PostgreSQL pool of the process: connections in use and idle, and requests waiting for one',
  ['state'],
);

/** notifications-service's e-mail queue. */
export const emailQueue = scrapeGauge(
  'claimline_email_queue',
  'E-mails in the notifications queue by status: pending (to send or retry) and failed (gave up)',
  ['status'],
);
