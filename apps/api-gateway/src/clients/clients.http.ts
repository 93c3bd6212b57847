import { OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ListClientsQuery, MissingInfoManyQuery } from '@claimline/contracts/client-insurance';

/**
 * HTTP shapes derived from the contract classes: the practice id comes from the path, so it is
 * left out of the query/body (and refused there, like any unknown field). The validation rules
 * are the contract's own, copied by `OmitType`.
 */

/** `?search=&birthDate=&active=&limit=&offset=` — `active` arrives as text, so `true`/`false` are turned into booleans. */
export class ClientSearchParams extends OmitType(ListClientsQuery, ['practiceId', 'active'] as const) {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

/** Body of the bulk missing-info query: `{ clientIds: [...] }`, at most 1,000 ids. */
export class MissingInfoManyBody extends OmitType(MissingInfoManyQuery, ['practiceId'] as const) {}
