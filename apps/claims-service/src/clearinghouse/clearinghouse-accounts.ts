import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  acknowledgementAccount,
  type ConfiguredAccount,
  EncryptedDirectoryArchive,
  loadClearinghouseAccounts,
  SftpConnector,
  TypeOrmResponseLedger,
} from '@claimline/backend/clearinghouse';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { RpcError } from '@claimline/backend/util-nats';
import type { ClearinghouseAccountView } from '@claimline/contracts/claims';
import { ClaimsEnv } from '../config/env';

/** An account with the connector that sends 837Ps and fetches its acknowledgements (never its 835s). */
export interface ClearinghouseLink {
  readonly configured: ConfiguredAccount;
  readonly connector: SftpConnector<EntityManager>;
}

/**
 * The deployment's clearinghouse accounts, read once from `CLEARINGHOUSE_ACCOUNTS_FILE` (keys stay
 * in their files, never in the database), each with its SFTP connector: the response ledger in
 * this service's schema and every file archived encrypted under `CLEARINGHOUSE_ARCHIVE_DIR`.
 */
@Injectable()
export class ClearinghouseAccounts {
  private readonly log = new Logger('ClearinghouseAccounts');
  private readonly links = new Map<string, ClearinghouseLink>();

  constructor(env: ClaimsEnv, @InjectDataSource() db: DataSource, cipher: PhiCipher) {
    const ledger = new TypeOrmResponseLedger(db);
    const archive = new EncryptedDirectoryArchive(env.CLEARINGHOUSE_ARCHIVE_DIR, cipher);
    for (const configured of loadClearinghouseAccounts(env.CLEARINGHOUSE_ACCOUNTS_FILE)) {
      const connector = new SftpConnector<EntityManager>({
        account: acknowledgementAccount(configured),
        ledger,
        archive,
        onEvent: (e) => {
          if (e.type === 'retry')
            this.log.warn(
              `${configured.account.name}: ${e.operation} retry ${e.attempt} in ${e.delayMs} ms: ${e.error}`,
            );
        },
      });
      this.links.set(configured.account.name, { configured, connector });
    }
  }

  all(): ClearinghouseLink[] {
    return [...this.links.values()];
  }

  /** The account named, or the only one; 422 on `account` otherwise. */
  pick(name: string | undefined): ClearinghouseLink {
    if (name) {
      const link = this.links.get(name);
      if (!link) throw RpcError.field('account', 'unknown', `No clearinghouse account is named "${name}"`);
      return link;
    }
    if (this.links.size === 0)
      throw RpcError.field(
        'account',
        'none',
        'No clearinghouse account is configured: claims cannot be submitted',
      );
    if (this.links.size > 1)
      throw RpcError.field(
        'account',
        'required',
        `Name the account: one of ${[...this.links.keys()].join(', ')}`,
      );
    return [...this.links.values()][0];
  }

  get(name: string): ClearinghouseLink | undefined {
    return this.links.get(name);
  }

  /** The settings without the private key. */
  views(): ClearinghouseAccountView[] {
    return this.all().map(({ configured: { account: a, eraNamePattern } }) => ({
      name: a.name,
      host: a.host,
      port: a.port,
      username: a.username,
      hostKey: a.hostKey,
      folders: { ...a.folders },
      fileNamePattern: a.fileNamePattern,
      eraNamePattern,
      interchange: { ...a.interchange },
    }));
  }
}
