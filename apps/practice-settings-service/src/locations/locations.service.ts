import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Principal, Page } from '@claimline/contracts/common';
import {
  CreateLocationCommand,
  ListLocationsQuery,
  LocationView,
  PracticeSettingsEvents,
  PracticeSettingsEventTypes as Events,
  UpdateLocationCommand,
} from '@claimline/contracts/practice-settings';
import { Outbox } from '@claimline/backend/util-nats';
import { assertVersion, changedFields, findInPractice } from '@claimline/backend/util-persistence';
import { DEFAULT_PAGE, findPractice } from '../practices/practice-access';
import { ReadinessRefresher } from '../readiness/readiness.refresher';
import { LocationEntity } from './entities/location.entity';
import { toLocationView } from './location.mapper';

const DEFAULT_PLACE_OF_SERVICE = '11';

@Injectable()
export class LocationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<PracticeSettingsEvents>,
    private readonly readiness: ReadinessRefresher,
  ) {}

  async create(actor: Principal, cmd: CreateLocationCommand): Promise<LocationView> {
    return this.db.transaction(async (m) => {
      const practice = await findPractice(m, cmd.practiceId, true);
      const location = m.create(LocationEntity, {
        id: randomUUID(),
        practiceId: cmd.practiceId,
        name: cmd.name.trim(),
        phone: cmd.phone ?? null,
        address: { ...cmd.address, line2: cmd.address.line2 ?? null },
        placeOfService: cmd.placeOfService ?? DEFAULT_PLACE_OF_SERVICE,
        removedAt: null,
      });
      await m.save(location);
      await this.readiness.refresh(m, actor, practice);
      const view = toLocationView(location);
      await this.outbox.add(m, actor, {
        type: Events.locationAdded,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { location: view, changed: Object.keys(cmd).filter((k) => k !== 'practiceId') },
      });
      return view;
    });
  }

  async get(actor: Principal, practiceId: string, locationId: string): Promise<LocationView> {
    return toLocationView(await this.find(this.db.manager, actor, practiceId, locationId));
  }

  async list(actor: Principal, query: ListLocationsQuery): Promise<Page<LocationView>> {
    await findPractice(this.db.manager, query.practiceId);
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.getRepository(LocationEntity).findAndCount({
      where: { practiceId: query.practiceId, removedAt: IsNull() },
      order: { name: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toLocationView), total, limit, offset };
  }

  async update(actor: Principal, cmd: UpdateLocationCommand): Promise<LocationView> {
    return this.db.transaction(async (m) => {
      const practice = await findPractice(m, cmd.practiceId, true);
      const location = await this.find(m, actor, cmd.practiceId, cmd.locationId, true);
      assertVersion('The location', location.version, cmd.version);
      const { practiceId: _p, locationId: _l, version: _v, ...changes } = cmd;
      const changed = changedFields(
        toLocationView(location) as unknown as Record<string, unknown>,
        changes as Record<string, unknown>,
      );
      if (changed.length === 0) return toLocationView(location);
      if (changes.name !== undefined) location.name = changes.name.trim();
      if (changes.phone !== undefined) location.phone = changes.phone;
      if (changes.address !== undefined)
        location.address = { ...changes.address, line2: changes.address.line2 ?? null };
      if (changes.placeOfService !== undefined) location.placeOfService = changes.placeOfService;
      await m.save(location);
      await this.readiness.refresh(m, actor, practice);
      const view = toLocationView(location);
      await this.outbox.add(m, actor, {
        type: Events.locationUpdated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { location: view, changed },
      });
      return view;
    });
  }

  async remove(actor: Principal, practiceId: string, locationId: string): Promise<{ removed: true }> {
    return this.db.transaction(async (m) => {
      const practice = await findPractice(m, practiceId, true);
      const location = await this.find(m, actor, practiceId, locationId, true);
      location.removedAt = new Date();
      await m.save(location);
      await this.readiness.refresh(m, actor, practice);
      await this.outbox.add(m, actor, {
        type: Events.locationRemoved,
        aggregateId: locationId,
        practiceId,
        data: { practiceId, locationId },
      });
      return { removed: true as const };
    });
  }

  private find(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    locationId: string,
    lock = false,
  ): Promise<LocationEntity> {
    return findInPractice(m, LocationEntity, 'Location', practiceId, locationId, { lock, removable: true });
  }
}
