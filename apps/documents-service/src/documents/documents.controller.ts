import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
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

  @MessagePattern(S.documentRegister)
  register(@Payload('actor') actor: Actor, @Payload('data') cmd: RegisterDocumentCommand) {
    return this.documents.register(actor, cmd);
  }

  @MessagePattern(S.documentGet)
  get(@Payload('actor') actor: Actor, @Payload('data') ref: DocumentRefDto) {
    return this.documents.get(actor, ref.practiceId, ref.documentId);
  }

  @MessagePattern(S.documentList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListDocumentsQuery) {
    return this.documents.list(actor, query);
  }

  @MessagePattern(S.documentOpen)
  open(@Payload('actor') actor: Actor, @Payload('data') cmd: OpenDocumentCommand) {
    return this.documents.open(actor, cmd);
  }

  @MessagePattern(S.documentRemove)
  remove(@Payload('actor') actor: Actor, @Payload('data') ref: DocumentRefDto) {
    return this.documents.remove(actor, ref.practiceId, ref.documentId);
  }

  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'documents' };
  }
}
