import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertAccount, type ClearinghouseAccount } from './account';

/**
 * How a deployment configures its clearinghouse accounts: `CLEARINGHOUSE_ACCOUNTS_FILE`, a JSON
 * array of accounts whose private key is a file (`privateKeyFile`, relative to the JSON file's
 * folder or absolute) rather than a value, so the key lives in a secret store or a mounted
 * secret and never in a database, an event or the repository. Several services read the same
 * file: claims-service sends 837P files and fetches the acknowledgements (TA1, 999, 277CA),
 * payments-service fetches the ERAs (835); `eraNamePattern` tells them apart.
 */
export interface ClearinghouseAccountFileEntry extends Omit<ClearinghouseAccount, 'privateKey'> {
  readonly privateKeyFile: string;
  /** Regular expression (source) of the ERA (835) file names; default `\.835$`. */
  readonly eraNamePattern?: string;
}

export interface ConfiguredAccount {
  readonly account: ClearinghouseAccount;
  readonly eraNamePattern: string;
}

export const DEFAULT_ERA_NAME_PATTERN = '\\.835$';

/**
 * Reads and checks the accounts file; throws naming the account and every bad field. An unset
 * or empty path means no clearinghouse is configured: `[]`.
 */
export function loadClearinghouseAccounts(
  file: string | undefined,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): ConfiguredAccount[] {
  if (!file?.trim()) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(read(file));
  } catch (error) {
    throw new Error(`CLEARINGHOUSE_ACCOUNTS_FILE ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new Error(`CLEARINGHOUSE_ACCOUNTS_FILE ${file}: must hold a JSON array`);
  const names = new Set<string>();
  return entries.map((raw: ClearinghouseAccountFileEntry, i) => {
    const { privateKeyFile, eraNamePattern = DEFAULT_ERA_NAME_PATTERN, ...rest } = raw ?? ({} as never);
    if (typeof privateKeyFile !== 'string' || !privateKeyFile)
      throw new Error(`CLEARINGHOUSE_ACCOUNTS_FILE ${file}: account ${i + 1} needs privateKeyFile`);
    try {
      new RegExp(eraNamePattern);
    } catch {
      throw new Error(`Clearinghouse account "${rest.name}": eraNamePattern is not a regular expression`);
    }
    const keyPath = path.isAbsolute(privateKeyFile)
      ? privateKeyFile
      : path.join(path.dirname(file), privateKeyFile);
    const account = assertAccount({ ...rest, privateKey: read(keyPath) } as ClearinghouseAccount);
    if (names.has(account.name))
      throw new Error(`Clearinghouse account "${account.name}" is configured twice`);
    names.add(account.name);
    return { account, eraNamePattern };
  });
}

/** The account as the acknowledgement reader sees it: every response file except the ERAs. */
export function acknowledgementAccount(c: ConfiguredAccount): ClearinghouseAccount {
  const own = c.account.responseNamePattern ? `(?=${c.account.responseNamePattern})` : '';
  return { ...c.account, responseNamePattern: `^${own}(?!.*(?:${c.eraNamePattern}))` };
}

/** The account as the ERA reader sees it: only the ERA (835) files. */
export function eraAccount(c: ConfiguredAccount): ClearinghouseAccount {
  const own = c.account.responseNamePattern ? `(?=${c.account.responseNamePattern})` : '';
  return { ...c.account, responseNamePattern: `^${own}(?=.*(?:${c.eraNamePattern}))` };
}
