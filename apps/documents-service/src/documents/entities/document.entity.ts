import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentContentType, DocumentKind, DocumentLinkType } from '@claimline/contracts/documents';

/** Metadata of one stored document; the content is an encrypted file behind the storage driver. */
@Entity({ name: 'document' })
export class DocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  linkedType: DocumentLinkType;

  @Column('uuid')
  linkedId: string;

  @Column('text')
  kind: DocumentKind;

  @Column('text')
  originalName: string;

  /** bigint comes back from pg as a string; the transformer keeps it a number (≤ 1 GB). */
  @Column('bigint', {
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number;

  @Column('text')
  contentType: DocumentContentType;

  /** SHA-256 of the plaintext, hex; checked on every read. */
  @Column('char', { length: 64 })
  sha256: string;

  @Column('text')
  storageDriver: string;

  @Column('text')
  storageKey: string;

  /** The file's own AES-256 data key, encrypted with the service key and bound to this id. */
  @Column('text')
  wrappedKey: string;

  @Column('text')
  uploadedBy: string;

  @Column('timestamptz')
  uploadedAt: Date;

  /**
   * The preview of a JPEG or PNG (null for a PDF): its own storage key, encrypted with the
   * document's data key under its own IV and bound to that key, with its own checksum.
   */
  @Column('text', { nullable: true })
  previewStorageKey: string | null;

  @Column('text', { nullable: true })
  previewContentType: 'image/jpeg' | null;

  @Column('integer', { nullable: true })
  previewSizeBytes: number | null;

  @Column('char', { length: 64, nullable: true })
  previewSha256: string | null;

  @Column('integer', { nullable: true })
  previewWidth: number | null;

  @Column('integer', { nullable: true })
  previewHeight: number | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('text', { nullable: true })
  deletedBy: string | null;
}
