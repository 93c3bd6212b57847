import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@claimline/contracts/common';
import {
  DOCUMENT_CONTENT_SIZES,
  DOCUMENT_KINDS,
  DOCUMENT_LINK_TYPES,
  type DocumentContentSize,
  type DocumentContentType,
  type DocumentKind,
  type DocumentLinkType,
} from './documents.subjects';

const LINK_MESSAGE = `linkedType must be one of ${DOCUMENT_LINK_TYPES.join(', ')}`;
const KIND_MESSAGE = `kind must be one of ${DOCUMENT_KINDS.join(', ')}`;

/**
 * What an upload says about the file: query parameters of a raw-body upload
 * (`POST /practices/{practiceId}/documents?linkedType=…`) or the form fields of a multipart one.
 */
export class UploadDocumentParams {
  @IsIn(DOCUMENT_LINK_TYPES, { message: LINK_MESSAGE })
  linkedType: DocumentLinkType;

  @IsUUID('all', { message: 'linkedId must be the id (UUID) of the record the document belongs to' })
  linkedId: string;

  @IsIn(DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind: DocumentKind;

  /** The file's name as the user picked it; kept for display and download only. */
  @IsString()
  @Length(1, 255, { message: 'name must be 1 to 255 characters' })
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  @Matches(/^[^/\\\u0000-\u001f]+$/, {
    message: 'name must be a file name, without slashes or control characters',
  })
  name: string;
}

/** Asks the service to take a temporary transfer object in as a document. */
export class RegisterDocumentCommand extends UploadDocumentParams {
  @IsUUID()
  practiceId: string;

  /** Name of the temporary object in the transfer bucket the gateway streamed the upload into. */
  @IsString()
  @Matches(/^upload\/[0-9a-f-]{36}$/, { message: 'transferObject must name an upload object' })
  transferObject: string;

  /** The `Content-Type` the uploader declared; refused if the bytes say otherwise. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  declaredContentType?: string;
}

export class DocumentRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  documentId: string;
}

/** Which content to open: the stored file (default) or its image preview. */
export class OpenDocumentCommand extends DocumentRefDto {
  @IsOptional()
  @IsIn(DOCUMENT_CONTENT_SIZES, { message: `size must be one of ${DOCUMENT_CONTENT_SIZES.join(', ')}` })
  size?: DocumentContentSize;
}

/** Documents of a practice, not deleted, newest first; narrowed by what they are linked to and their kind. */
export class ListDocumentsQuery extends PageQueryDto {
  @IsUUID()
  practiceId: string;

  @IsOptional()
  @IsIn(DOCUMENT_LINK_TYPES, { message: LINK_MESSAGE })
  linkedType?: DocumentLinkType;

  @IsOptional()
  @IsUUID('all', { message: 'linkedId must be the id (UUID) of the record the documents belong to' })
  linkedId?: string;

  @IsOptional()
  @IsIn(DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind?: DocumentKind;
}

/** The small image made from an uploaded JPEG or PNG (EXIF rotation applied, metadata stripped). */
export interface DocumentPreviewView {
  contentType: 'image/jpeg';
  width: number;
  height: number;
  sizeBytes: number;
}

export interface DocumentView {
  id: string;
  practiceId: string;
  linkedType: DocumentLinkType;
  linkedId: string;
  kind: DocumentKind;
  originalName: string;
  sizeBytes: number;
  contentType: DocumentContentType;
  /** SHA-256 of the plaintext, lower-case hex. */
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** Null for a PDF (and for images stored before previews existed). */
  preview: DocumentPreviewView | null;
}

/** A verified, decrypted copy of the content waiting in the transfer bucket; the caller streams it out and deletes it. */
export interface OpenDocumentResult {
  document: DocumentView;
  transferObject: string;
  /** What the transfer object holds: the original or the preview, its type, length and a file name to offer. */
  content: { size: DocumentContentSize; contentType: string; sizeBytes: number; fileName: string };
}

export interface DocumentUploadedEvent {
  document: DocumentView;
}

export interface DocumentRemovedEvent {
  documentId: string;
  practiceId: string;
  linkedType: DocumentLinkType;
  linkedId: string;
}

export interface DocumentIntegrityFailedEvent {
  documentId: string;
  practiceId: string;
  reason: string;
}
