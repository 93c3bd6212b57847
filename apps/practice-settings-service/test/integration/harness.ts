import { ChildProcess } from 'node:child_process';
import { INestMicroservice } from '@nestjs/common';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import {
  PracticeSettingsEvents,
  PracticeSettingsEventTypes,
  PracticeSettingsRpc,
} from '@claimline/contracts/practice-settings';
import { GatewayTestClient } from '@claimline/backend/util-auth';
import { runMigrations } from '@claimline/backend/util-persistence';
import { ServiceHarness } from '@claimline/backend/util-service-testing';
import { spawnBuiltApp, waitFor } from '@claimline/backend/util-testing';
import { AppModule } from '../../src/app.module';
import { PracticeSettingsEnv } from '../../src/config/env';
import { practiceSettingsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' };

type Seen = EventEnvelope<PracticeSettingsEvents[keyof PracticeSettingsEvents]>;

/**
 * practice-settings on the real servers, with an observer of every event it publishes. Its NATS
 * server is its own: on a shared one, any other running practice-settings would answer our requests.
 */
export class Harness extends ServiceHarness<PracticeSettingsRpc, PracticeSettingsEvents> {
  constructor() {
    super({
      service: 'practice-settings',
      migrate: (url) => runMigrations(practiceSettingsDataSourceOptions(url)),
      // enrollments and claims call it under their own signed identities.
      trusts: ['enrollments', 'claims'],
      privateNats: true,
      observe: Object.values(PracticeSettingsEventTypes),
    });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(PracticeSettingsEnv, (env) => AppModule.register(env), extra);
  }

  /** Events of one practice, in order, once `count` of them have arrived. */
  async eventsOf(practiceId: string, count: number): Promise<Seen[]> {
    const mine = () => this.seen.filter((e) => e.practiceId === practiceId);
    await waitFor(`${count} events of practice ${practiceId}`, () => mine().length >= count, 20_000);
    return mine();
  }
}

/** The built service (dist), run as its own process, as in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(rpc: GatewayTestClient<PracticeSettingsRpc>): Promise<void> {
    this.child = spawnBuiltApp('practice-settings-service', this.env, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    await waitFor(
      'the service to answer pings',
      async () => (await rpc.ping('practice-settings.health.ping', 500)).ok,
      20_000,
      200,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${this.output}`);
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
