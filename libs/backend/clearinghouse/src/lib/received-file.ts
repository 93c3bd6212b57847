/** A file fetched from a clearinghouse's download folder. */
export interface ReceivedFile {
  /** The account's name (ClearinghouseAccount.name). */
  readonly account: string;
  readonly name: string;
  readonly size: number;
  /** SHA-256 of the bytes, hex. */
  readonly checksum: string;
  readonly content: Buffer;
  /** Where the encrypted copy was archived (FileArchive.put). */
  readonly archivedAs: string;
}

/**
 * What the caller keeps of the files received, so each is processed once (a port: the service
 * implements it in its own database, e.g. TypeOrmResponseLedger). `Tx` is what `once` hands to
 * the work, so the work and the record commit together.
 */
export interface ResponseLedger<Tx = unknown> {
  /** Whether a file of this name and size was already recorded for the account: no need to download it again. */
  known(account: string, name: string, size: number): Promise<boolean>;
  /**
   * Runs `work` and records the file in one transaction, unless a file with the same bytes
   * (checksum) was already processed for the account: then records the name as a duplicate and
   * does not run `work`. Two pollers racing on the same file: one runs it, the other waits and
   * gets `duplicate`.
   */
  once(
    file: Omit<ReceivedFile, 'content' | 'archivedAs'>,
    work: (tx: Tx) => Promise<void>,
  ): Promise<'processed' | 'duplicate'>;
}
