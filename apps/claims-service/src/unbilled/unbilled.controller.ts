import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import type { Principal } from '@claimline/contracts/common';
import { ClaimsSubjects as S, ListUnbilledQuery, UNBILLED_ROLES } from '@claimline/contracts/claims';

import { UnbilledService } from './unbilled.service';

/** Message handlers only: validation happens in the global pipe, the list in the service. */
@Controller()
export class UnbilledController {
  constructor(private readonly unbilled: UnbilledService) {}

  @Authorize({ roles: UNBILLED_ROLES, practiceCheckedInHandler: 'practiceIds' })
  @MessagePattern(S.unbilledList)
  list(@Caller() caller: Principal, @Payload('data') query: ListUnbilledQuery) {
    return this.unbilled.list(caller, query);
  }
}
