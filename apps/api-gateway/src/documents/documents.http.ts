import { OmitType } from '@nestjs/swagger';
import { ListDocumentsQuery, OpenDocumentCommand } from '@claimline/contracts/documents';

/**
 * HTTP shapes derived from the contract classes: the practice and document ids come from the
 * path, so they are left out of the query (and refused there, like any unknown parameter).
 */

/** `?linkedType=&linkedId=&kind=&limit=&offset=` */
export class ListDocumentsParams extends OmitType(ListDocumentsQuery, ['practiceId'] as const) {}

/** `?size=original|preview` */
export class DocumentContentParams extends OmitType(OpenDocumentCommand, [
  'practiceId',
  'documentId',
] as const) {}
