import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller, PRACTICE_EDITORS } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  CreateLocationCommand,
  ListLocationsQuery,
  LocationRefDto,
  PracticeSettingsSubjects as S,
  UpdateLocationCommand,
} from '@claimline/contracts/practice-settings';
import { LocationsService } from './locations.service';

@Controller()
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.locationCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreateLocationCommand) {
    return this.locations.create(actor, cmd);
  }

  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.locationGet)
  get(@Caller() actor: Principal, @Payload('data') dto: LocationRefDto) {
    return this.locations.get(actor, dto.practiceId, dto.locationId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.locationList)
  list(@Caller() actor: Principal, @Payload('data') query: ListLocationsQuery) {
    return this.locations.list(actor, query);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.locationUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdateLocationCommand) {
    return this.locations.update(actor, cmd);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.locationRemove)
  remove(@Caller() actor: Principal, @Payload('data') dto: LocationRefDto) {
    return this.locations.remove(actor, dto.practiceId, dto.locationId);
  }
}
