import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dbPool, GaugeSample, startProcessMetrics } from './metrics';
import { MetricsServer, startMetricsServer } from './metrics-server';
import { flushTracing } from './tracing';

export interface MetricsModuleOptions {
  /** The process's service name: the `service` label of every series. */
  service: string;
  /** `METRICS_PORT`: where `GET /metrics` is served; unset, nothing listens (the metrics still count). */
  port?: number;
  /** `METRICS_HOST` (default 127.0.0.1). */
  host?: string;
}

const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

/** pg's pool as TypeORM's Postgres driver keeps it. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** In use, idle and waiting of TypeORM's pg pool (none before the DataSource is initialised). */
export function poolSamples(dataSource: DataSource): GaugeSample<'state'>[] {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!dataSource.isInitialized || !pool) return [];
  return [
    { labels: { state: 'in_use' }, value: pool.totalCount - pool.idleCount },
    { labels: { state: 'idle' }, value: pool.idleCount },
    { labels: { state: 'waiting' }, value: pool.waitingCount },
  ];
}

/**
 * Names the process in every series, starts Node's default metrics, reads the DataSource's pool at
 * scrape time and, with a port, serves `GET /metrics` for the life of the application.
 */
@Injectable()
export class MetricsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: MetricsServer | null = null;
  private removePool: (() => void) | null = null;

  constructor(
    @Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions,
    @Optional() @Inject(DataSource) private readonly dataSource?: DataSource,
  ) {}

  /** Where `/metrics` is served, once started (null without a port). */
  get address(): { host: string; port: number } | null {
    return this.server && { host: this.server.host, port: this.server.port };
  }

  async onApplicationBootstrap(): Promise<void> {
    startProcessMetrics(this.options.service);
    const dataSource = this.dataSource;
    if (dataSource) this.removePool = dbPool.add(() => poolSamples(dataSource));
    if (this.options.port === undefined) return;
    this.server = await startMetricsServer({ port: this.options.port, host: this.options.host });
    this.logger.log(`metrics at http://${this.server.host}:${this.server.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await flushTracing().catch(() => undefined);
    this.removePool?.();
    await this.server?.close();
    this.server = null;
  }
}

/** Metrics of the process (see the library's README); imported once by its root module. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, MetricsHost],
      exports: [MetricsHost],
    };
  }
}
