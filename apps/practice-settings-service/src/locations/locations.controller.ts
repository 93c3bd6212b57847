import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
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

  @MessagePattern(S.locationCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') cmd: CreateLocationCommand) {
    return this.locations.create(actor, cmd);
  }

  @MessagePattern(S.locationGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: LocationRefDto) {
    return this.locations.get(actor, dto.practiceId, dto.locationId);
  }

  @MessagePattern(S.locationList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListLocationsQuery) {
    return this.locations.list(actor, query);
  }

  @MessagePattern(S.locationUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdateLocationCommand) {
    return this.locations.update(actor, cmd);
  }

  @MessagePattern(S.locationRemove)
  remove(@Payload('actor') actor: Actor, @Payload('data') dto: LocationRefDto) {
    return this.locations.remove(actor, dto.practiceId, dto.locationId);
  }
}
