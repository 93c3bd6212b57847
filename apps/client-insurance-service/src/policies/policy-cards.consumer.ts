import { Injectable } from '@nestjs/common';
import { DOCUMENTS_SERVICE, type DocumentsEvents } from '@claimline/contracts/documents';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyDocumentRemoved, applyDocumentUploaded } from './policy-cards';

export const DOCUMENTS_DURABLE = 'client-insurance-documents';

/**
 * Keeps `policy_card` from documents-service's events, so a policy can show its card images and
 * missing info can say whether the card is on file without asking another service.
 */
@Injectable()
export class PolicyCardsConsumer extends EventConsumerHost<DocumentsEvents> {
  protected streams(): ConsumedStream<DocumentsEvents>[] {
    return [
      {
        durable: DOCUMENTS_DURABLE,
        service: DOCUMENTS_SERVICE,
        handlers: {
          'documents.document.uploaded': (event, m) => applyDocumentUploaded(m, event),
          'documents.document.removed': (event, m) => applyDocumentRemoved(m, event),
        },
      },
    ];
  }
}
