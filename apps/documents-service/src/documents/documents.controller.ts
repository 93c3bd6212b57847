import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  DocumentRefDto,
  DocumentsSubjects as S,
  ListDocumentsQuery,
  OpenDocumentCommand,
  RegisterDocumentCommand,
} from '@claimline/contracts/documents';
import { DocumentsService } from './documents.service';

/** Message handlers only: validation happens in the global pipe, rules in the service. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  // The upload's transfer object must be deleted even when refused: the service checks the practice.
  @Authorize({ roles: ROLES, practiceCheckedInHandler: 'practiceId' })
  @MessagePattern(S.documentRegister)
  register(@Caller() actor: Principal, @Payload('data') cmd: RegisterDocumentCommand) {
    return this.documents.register(actor, cmd);
  }

  @Authorize({ roles: ROLES, services: ['enrollments'], practice: 'practiceId' })
  @MessagePattern(S.documentGet)
  get(@Caller() actor: Principal, @Payload('data') ref: DocumentRefDto) {
    return this.documents.get(actor, ref.practiceId, ref.documentId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.documentList)
  list(@Caller() actor: Principal, @Payload('data') query: ListDocumentsQuery) {
    return this.documents.list(actor, query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.documentOpen)
  open(@Caller() actor: Principal, @Payload('data') cmd: OpenDocumentCommand) {
    return this.documents.open(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.documentRemove)
  remove(@Caller() actor: Principal, @Payload('data') ref: DocumentRefDto) {
    return this.documents.remove(actor, ref.practiceId, ref.documentId);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'documents' };
  }
}
