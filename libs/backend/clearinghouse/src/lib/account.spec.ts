import {
  accountProblems,
  type ClearinghouseAccount,
  envelopeOf,
  isResponseName,
  uploadFileName,
} from './account';

const account: ClearinghouseAccount = {
  name: 'sandbox',
  host: '127.0.0.1',
  port: 2222,
  username: 'claimline-sftp-sandbox',
  privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n',
  hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILcbv4IELkmN/mYrXhONECucC9WXuG14k9b54UDsAEcn',
  folders: { upload: 'inbound', download: 'outbound' },
  fileNamePattern: '{sender}_{icn}_{date}{time}.837',
  interchange: {
    senderQualifier: 'ZZ',
    senderId: 'CLAIMLINE',
    receiverQualifier: 'ZZ',
    receiverId: 'SANDBOXCH',
    applicationSender: 'CLAIMLINE',
    applicationReceiver: 'SANDBOXCH',
    usage: 'T',
  },
};

describe('clearinghouse account', () => {
  it('accepts a complete account', () => {
    expect(accountProblems(account)).toEqual([]);
    expect(accountProblems({ ...account, hostKey: `SHA256:${'a'.repeat(43)}` })).toEqual([]);
  });

  it('names each bad field', () => {
    const problems = accountProblems({
      ...account,
      port: 0,
      privateKey: 'hunter2',
      hostKey: 'whatever',
      folders: { upload: '../etc', download: 'outbound' },
      fileNamePattern: 'claims.837',
      interchange: { ...account.interchange, usage: 'X' as 'T', senderId: 'A'.repeat(16) },
    }).map((p) => p.field);
    expect(problems).toEqual([
      'port',
      'privateKey',
      'hostKey',
      'folders.upload',
      'fileNamePattern',
      'interchange.senderId',
      'interchange.usage',
    ]);
  });

  it('names uploads from the pattern, one name per interchange', () => {
    const at = new Date('2026-12-03T09:05:07Z');
    expect(uploadFileName(account, 42, at)).toBe('CLAIMLINE_000000042_20261203090507.837');
    expect(uploadFileName(account, 43, at)).not.toBe(uploadFileName(account, 42, at));
  });

  it('fetches visible, finished files that match the response pattern', () => {
    expect(isResponseName(account, 'CLAIMLINE_000000042.999')).toBe(true);
    expect(isResponseName(account, '.CLAIMLINE_000000042.999.part')).toBe(false);
    expect(isResponseName(account, 'x.999.part')).toBe(false);
    const only999 = { ...account, responseNamePattern: '\\.999$' };
    expect(isResponseName(only999, 'a.999')).toBe(true);
    expect(isResponseName(only999, 'a.835')).toBe(false);
  });

  it('gives the envelope of the files sent (ISA15 from the account)', () => {
    const env = envelopeOf(account, new Date('2026-12-03T09:05:07Z'), { interchange: 42 });
    expect(env.usage).toBe('T');
    expect(env.interchangeReceiver).toEqual({ qualifier: 'ZZ', id: 'SANDBOXCH' });
    expect(env.controlNumbers).toEqual({ interchange: 42 });
  });
});
