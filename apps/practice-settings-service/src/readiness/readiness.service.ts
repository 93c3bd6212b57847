import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource, In } from 'typeorm';
import { type Principal, servicePrincipal } from '@claimline/contracts/common';
import {
  PracticeReadiness,
  ReadinessContributorRpc,
  ReadinessManyResult,
  ReadinessItem,
  readinessItemsSubject,
  ReadinessSource,
} from '@claimline/contracts/practice-settings';
import { NATS_CONNECTION, RpcClient, RpcError } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { currentRequestId } from '@claimline/backend/util-service';
import { PracticeSettingsEnv, SERVICE_NAME } from '../config/env';
import { findPractice } from '../practices/practice-access';
import { PracticeEntity } from '../practices/entities/practice.entity';
import { ReadinessRefresher } from './readiness.refresher';

/**
 * The whole checklist of a practice: practice settings' own items plus those other services add
 * on `readiness.items.<service>` (see the contract in `@claimline/contracts/practice-settings`).
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Readiness');
  private readonly contributors: string[];
  private readonly client: RpcClient<ReadinessContributorRpc>;
  private readonly timeoutMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refresher: ReadinessRefresher,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    env: PracticeSettingsEnv,
    signer: AssertionSigner,
  ) {
    this.contributors = env.READINESS_CONTRIBUTORS.split(',').filter((s) => s !== '' && s !== SERVICE_NAME);
    this.timeoutMs = env.READINESS_CONTRIBUTOR_TIMEOUT_MS;
    this.client = new RpcClient<ReadinessContributorRpc>(nc, this.timeoutMs, env.RPC_SUBJECT_PREFIX, signer);
  }

  async get(actor: Principal, practiceId: string): Promise<PracticeReadiness> {
    const practice = await findPractice(this.db.manager, practiceId);
    const [own, ...others] = await Promise.all([
      this.refresher.items(this.db.manager, practice),
      ...this.contributors.map((service) => this.ask(service, practice.id, practice.type)),
    ]);
    const items = [...own, ...others.flatMap((o) => o.items)];
    const done = items.filter((i) => i.status === 'done').length;
    return {
      practiceId,
      practiceType: practice.type,
      complete: done === items.length,
      done,
      total: items.length,
      items,
      sources: [{ service: SERVICE_NAME, status: 'ok', items: own.length }, ...others.map((o) => o.source)],
    };
  }

  /** Practice settings' own items of each practice (no contributor is asked); `outOfScope` adds to `notFound`. */
  async ownMany(practiceIds: string[], outOfScope: string[]): Promise<ReadinessManyResult> {
    const practices = practiceIds.length
      ? await this.db.manager.find(PracticeEntity, { where: { id: In(practiceIds) } })
      : [];
    const items = await Promise.all(
      practices.map(async (p) => ({
        practiceId: p.id,
        items: await this.refresher.items(this.db.manager, p),
      })),
    );
    const found = new Set(practices.map((p) => p.id));
    return { items, notFound: [...outOfScope, ...practiceIds.filter((id) => !found.has(id))] };
  }

  private async ask(
    service: string,
    practiceId: string,
    practiceType: 'solo' | 'group',
  ): Promise<{ items: ReadinessItem[]; source: ReadinessSource }> {
    try {
      const subject = readinessItemsSubject(service);
      // Asked as practice-settings itself, for this one practice: a contributor never sees the user.
      const reply = await this.client.send(
        subject,
        { practiceId, practiceType },
        {
          principal: servicePrincipal(SERVICE_NAME, [subject], [practiceId]),
          requestId: currentRequestId(),
          timeoutMs: this.timeoutMs,
        },
      );
      const items = (reply?.items ?? []).map((i) => ({ ...i, source: service }));
      return { items, source: { service, status: 'ok', items: items.length } };
    } catch (error) {
      const code = error instanceof RpcError ? error.code : 'internal';
      const status = code === 'unavailable' ? 'absent' : code === 'timeout' ? 'timeout' : 'error';
      if (status !== 'absent') this.logger.warn(`readiness items of ${service}: ${status}`);
      return { items: [], source: { service, status, items: 0 } };
    }
  }
}
