import type { EnvelopeInput } from '@claimline/x12';

/**
 * One clearinghouse account: where its SFTP server is, how we log in, which folders it uses,
 * how our files are named and what goes in the envelopes (ISA/GS) of the files we send it.
 */
export interface ClearinghouseAccount {
  /** Our name for the account, e.g. `sandbox`; kept with every file received. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** OpenSSH or PEM private key (key authentication only: no passwords). */
  readonly privateKey: string;
  /** The server's host key, pinned: `ssh-ed25519 AAAA…` or its `SHA256:…` fingerprint. */
  readonly hostKey: string;
  readonly folders: {
    /** Where we upload 837P files (the clearinghouse's inbound folder). */
    readonly upload: string;
    /** Where it leaves TA1/999/277CA/835 for us (its outbound folder). */
    readonly download: string;
  };
  /**
   * Name of an uploaded file, with `{sender}` (ISA06), `{icn}` (ISA13, 9 digits), `{date}`
   * (YYYYMMDD) and `{time}` (HHMMSS, UTC): e.g. `{sender}_{icn}_{date}{time}.837`.
   */
  readonly fileNamePattern: string;
  /** Regular expression (source) of the response file names to fetch; default: every visible file. */
  readonly responseNamePattern?: string;
  readonly interchange: {
    readonly senderQualifier: string;
    readonly senderId: string;
    readonly receiverQualifier: string;
    readonly receiverId: string;
    /** GS02 / GS03. */
    readonly applicationSender: string;
    readonly applicationReceiver: string;
    /** ISA15: T test, P production. */
    readonly usage: 'T' | 'P';
  };
}

export interface AccountProblem {
  readonly field: string;
  readonly message: string;
}

const TOKENS = ['{sender}', '{icn}', '{date}', '{time}'];

/** Every problem of an account's settings, each naming its field; empty when it can be used. */
export function accountProblems(a: ClearinghouseAccount): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(a.name ?? '')) fail('name', 'use lower-case letters, digits and dashes');
  if (!a.host?.trim()) fail('host', 'is required');
  if (!Number.isInteger(a.port) || a.port < 1 || a.port > 65535) fail('port', 'must be 1-65535');
  if (!a.username?.trim()) fail('username', 'is required');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(a.privateKey ?? ''))
    fail('privateKey', 'must be an OpenSSH or PEM private key');
  if (
    !/^(ssh-[a-z0-9-]+|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/]+={0,2}$|^SHA256:[A-Za-z0-9+/]{43}$/.test(
      a.hostKey ?? '',
    )
  )
    fail('hostKey', 'must be the server key ("ssh-ed25519 AAAA…") or its SHA256 fingerprint');
  for (const f of ['upload', 'download'] as const) {
    const folder = a.folders?.[f] ?? '';
    if (!folder || folder.split('/').some((p) => p === '..'))
      fail(`folders.${f}`, 'is required, without ".."');
  }
  const pattern = a.fileNamePattern ?? '';
  if (!pattern.includes('{icn}'))
    fail('fileNamePattern', 'must contain {icn}, so that every file name differs');
  const literal = TOKENS.reduce((s, t) => s.split(t).join(''), pattern);
  if (!/^[A-Za-z0-9_.-]*$/.test(literal) || literal.startsWith('.'))
    fail('fileNamePattern', 'letters, digits, "_", "-" and "." only, not starting with "."');
  if (a.responseNamePattern !== undefined) {
    try {
      new RegExp(a.responseNamePattern);
    } catch {
      fail('responseNamePattern', 'is not a regular expression');
    }
  }
  const i = a.interchange;
  if (!/^[0-9A-Z]{2}$/.test(i?.senderQualifier ?? ''))
    fail('interchange.senderQualifier', 'ISA05: 2 characters');
  if (!/^[0-9A-Z]{2}$/.test(i?.receiverQualifier ?? ''))
    fail('interchange.receiverQualifier', 'ISA07: 2 characters');
  if (!/^[0-9A-Za-z ]{1,15}$/.test(i?.senderId ?? '')) fail('interchange.senderId', 'ISA06: 1-15 characters');
  if (!/^[0-9A-Za-z ]{1,15}$/.test(i?.receiverId ?? ''))
    fail('interchange.receiverId', 'ISA08: 1-15 characters');
  if (!/^[0-9A-Za-z]{2,15}$/.test(i?.applicationSender ?? ''))
    fail('interchange.applicationSender', 'GS02: 2-15 characters');
  if (!/^[0-9A-Za-z]{2,15}$/.test(i?.applicationReceiver ?? ''))
    fail('interchange.applicationReceiver', 'GS03: 2-15 characters');
  if (i?.usage !== 'T' && i?.usage !== 'P') fail('interchange.usage', 'ISA15: T (test) or P (production)');
  return problems;
}

/** Throws naming every bad field. */
export function assertAccount(a: ClearinghouseAccount): ClearinghouseAccount {
  const problems = accountProblems(a);
  if (problems.length)
    throw new Error(
      `Clearinghouse account "${a.name}": ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    );
  return a;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The name of the file that carries interchange `icn`, made at `at`. */
export function uploadFileName(a: ClearinghouseAccount, icn: number, at: Date): string {
  const date = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return a.fileNamePattern
    .split('{sender}')
    .join(a.interchange.senderId.trim())
    .split('{icn}')
    .join(pad(icn, 9))
    .split('{date}')
    .join(date)
    .split('{time}')
    .join(time);
}

/** Whether a file in the download folder is one to fetch: visible, not a partial upload, matching the pattern. */
export function isResponseName(a: ClearinghouseAccount, name: string): boolean {
  if (name.startsWith('.') || name.endsWith('.part')) return false;
  return a.responseNamePattern ? new RegExp(a.responseNamePattern).test(name) : true;
}

/** The ISA/GS of the files we send on this account (`write837p`'s envelope). */
export function envelopeOf(
  a: ClearinghouseAccount,
  createdAt: Date,
  controlNumbers?: EnvelopeInput['controlNumbers'],
): EnvelopeInput {
  const i = a.interchange;
  return {
    createdAt,
    usage: i.usage,
    interchangeSender: { qualifier: i.senderQualifier, id: i.senderId },
    interchangeReceiver: { qualifier: i.receiverQualifier, id: i.receiverId },
    applicationSender: i.applicationSender,
    applicationReceiver: i.applicationReceiver,
    controlNumbers,
  };
}
