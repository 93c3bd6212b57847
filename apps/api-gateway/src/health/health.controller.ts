import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { servicePrincipal } from '@claimline/contracts/common';
import { Public } from '../auth/decorators';
import { SERVICE_HEALTH_SUBJECTS } from '../common/rpc';
import { GatewayEnv } from '../config/env';

type Check = { status: 'up' | 'down'; detail?: string; ms?: number };

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  const start = performance.now();
  try {
    await fn();
    return { status: 'up', ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { status: 'down', detail: (error as Error).message };
  }
}

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly pings: RpcClient<Record<string, { request: object; response: unknown }>>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @InjectDataSource() private readonly db: DataSource,
    env: GatewayEnv,
    signer: AssertionSigner,
  ) {
    this.pings = new RpcClient(nc, 1500, env.RPC_SUBJECT_PREFIX, signer);
  }

  /** The process is up (for restarts by an orchestrator). */
  @Get('live')
  live() {
    return { status: 'up' };
  }

  /** NATS, the gateway's database and every service answer (for load balancers). */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks: Record<string, Check> = {
      nats: await timed(async () => {
        if (this.nc.isClosed()) throw new Error('connection closed');
        await this.nc.flush();
      }),
      database: await timed(() => this.db.query('SELECT 1')),
    };
    const services = await Promise.all(
      SERVICE_HEALTH_SUBJECTS.map(
        async (subject) =>
          [
            subject.split('.')[0],
            await timed(() =>
              this.pings.send(subject, {}, { principal: servicePrincipal('api-gateway', [subject]) }),
            ),
          ] as const,
      ),
    );
    for (const [name, check] of services) checks[name] = check;
    const up = Object.values(checks).every((c) => c.status === 'up');
    res.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }
}
