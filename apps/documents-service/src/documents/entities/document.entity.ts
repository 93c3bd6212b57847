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
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
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

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('text', { nullable: true })
  deletedBy: string | null;
}
