import type { FeeScheduleView } from '@claimline/contracts/claims';
import { FeeScheduleEntity } from './entities/fee-schedule.entity';
import { FeeScheduleEntryEntity } from './entities/fee-schedule-entry.entity';

export function toFeeScheduleView(
  practiceId: string,
  schedule: FeeScheduleEntity | null,
  entries: FeeScheduleEntryEntity[],
): FeeScheduleView {
  return {
    practiceId,
    entries: entries.map((e) => ({ procedure: e.procedure, modifiers: e.modifiers, feeCents: e.feeCents })),
    version: schedule?.version ?? 0,
    updatedAt: schedule?.updatedAt.toISOString() ?? null,
  };
}
