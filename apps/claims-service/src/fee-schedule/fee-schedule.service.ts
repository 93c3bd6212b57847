import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldError, Principal } from '@claimline/contracts/common';
import {
  ClaimsEvents,
  ClaimsEventTypes as Events,
  FeeScheduleView,
  PutFeeScheduleCommand,
} from '@claimline/contracts/claims';
import { findModifier, findProcedureCode } from '@claimline/reference-data';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { assertVersion } from '@claimline/backend/util-persistence';
import { FeeScheduleEntity } from './entities/fee-schedule.entity';
import { FeeScheduleEntryEntity } from './entities/fee-schedule-entry.entity';
import { modifierKey } from './fee-key';
import { toFeeScheduleView } from './fee-schedule.mapper';

@Injectable()
export class FeeScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClaimsEvents>,
  ) {}

  get(practiceId: string): Promise<FeeScheduleView> {
    return this.read(this.db.manager, practiceId);
  }

  /** Replaces the whole schedule: what the practice sees is exactly what it saved. */
  async put(actor: Principal, cmd: PutFeeScheduleCommand): Promise<FeeScheduleView> {
    const problems = entryProblems(cmd);
    if (problems.length > 0) throw RpcError.validation(problems);
    return this.db.transaction(async (m) => {
      const current = await m.findOne(FeeScheduleEntity, {
        where: { practiceId: cmd.practiceId },
        lock: { mode: 'pessimistic_write' },
      });
      assertVersion('The fee schedule', current?.version ?? 0, cmd.version);
      if (current) {
        // The row's own columns do not change; the update moves its version and updated_at.
        await m.update(FeeScheduleEntity, { practiceId: cmd.practiceId }, { practiceId: cmd.practiceId });
        await m.delete(FeeScheduleEntryEntity, { practiceId: cmd.practiceId });
      } else {
        await m.insert(FeeScheduleEntity, { practiceId: cmd.practiceId });
      }
      if (cmd.entries.length > 0)
        await m.insert(
          FeeScheduleEntryEntity,
          cmd.entries.map((e) => ({
            practiceId: cmd.practiceId,
            procedure: e.procedure,
            modifiers: e.modifiers.map((x) => x.toUpperCase()),
            modifierKey: modifierKey(e.modifiers),
            feeCents: e.feeCents,
          })),
        );
      const view = await this.read(m, cmd.practiceId);
      await this.outbox.add(m, actor, {
        type: Events.feeScheduleUpdated,
        aggregateId: cmd.practiceId,
        practiceId: cmd.practiceId,
        data: { practiceId: cmd.practiceId, entries: view.entries, version: view.version },
      });
      return view;
    });
  }

  /** The practice's fee for a procedure with exactly these modifiers (in any order), or null. */
  async feeFor(practiceId: string, procedure: string, modifiers: readonly string[]): Promise<number | null> {
    const entry = await this.db.manager.findOneBy(FeeScheduleEntryEntity, {
      practiceId,
      procedure,
      modifierKey: modifierKey(modifiers),
    });
    return entry?.feeCents ?? null;
  }

  private async read(m: EntityManager, practiceId: string): Promise<FeeScheduleView> {
    const [schedule, entries] = await Promise.all([
      m.findOneBy(FeeScheduleEntity, { practiceId }),
      m.find(FeeScheduleEntryEntity, {
        where: { practiceId },
        order: { procedure: 'ASC', modifierKey: 'ASC' },
      }),
    ]);
    return toFeeScheduleView(practiceId, schedule, entries);
  }
}

function entryProblems(cmd: PutFeeScheduleCommand): FieldError[] {
  const problems: FieldError[] = [];
  const keys = new Set<string>();
  cmd.entries.forEach((e, i) => {
    if (!findProcedureCode(e.procedure))
      problems.push({
        field: `entries.${i}.procedure`,
        rule: 'procedure',
        message: `${e.procedure} is not a procedure code this product bills`,
      });
    for (const m of e.modifiers)
      if (!findModifier(m))
        problems.push({
          field: `entries.${i}.modifiers`,
          rule: 'modifier',
          message: `${m} is not a modifier this product knows`,
        });
    const key = `${e.procedure} ${modifierKey(e.modifiers)}`;
    if (keys.has(key))
      problems.push({
        field: `entries.${i}`,
        rule: 'duplicate',
        message: `${e.procedure}${e.modifiers.length ? ` with ${e.modifiers.join(', ')}` : ''} has a fee already`,
      });
    keys.add(key);
  });
  return problems;
}
