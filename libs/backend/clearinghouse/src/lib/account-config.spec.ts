import { acknowledgementAccount, eraAccount, loadClearinghouseAccounts } from './account-config';
import { isResponseName } from './account';

const entry = {
  name: 'sandbox',
  host: '127.0.0.1',
  port: 2222,
  username: 'claimline-sftp-sandbox',
  privateKeyFile: 'accounts/sandbox/id_ed25519',
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
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n';

function files(json: unknown): (p: string) => string {
  return (p) => {
    if (p === '/etc/claimline/accounts.json') return JSON.stringify(json);
    if (p === '/etc/claimline/accounts/sandbox/id_ed25519') return KEY;
    throw new Error(`ENOENT: ${p}`);
  };
}

describe('clearinghouse accounts file', () => {
  it('is empty when not configured', () => {
    expect(loadClearinghouseAccounts(undefined)).toEqual([]);
    expect(loadClearinghouseAccounts(' ')).toEqual([]);
  });

  it('reads the private key from a file beside the JSON and defaults the ERA pattern', () => {
    const [c] = loadClearinghouseAccounts('/etc/claimline/accounts.json', files([entry]));
    expect(c.account.privateKey).toBe(KEY);
    expect(c.account).not.toHaveProperty('privateKeyFile');
    expect(c.eraNamePattern).toBe('\\.835$');
  });

  it('refuses a bad account naming its fields, a missing key file and a repeated name', () => {
    expect(() =>
      loadClearinghouseAccounts('/etc/claimline/accounts.json', files([{ ...entry, port: 0 }])),
    ).toThrow(/port must be 1-65535/);
    expect(() =>
      loadClearinghouseAccounts(
        '/etc/claimline/accounts.json',
        files([{ ...entry, privateKeyFile: 'nope' }]),
      ),
    ).toThrow(/ENOENT/);
    expect(() => loadClearinghouseAccounts('/etc/claimline/accounts.json', files([entry, entry]))).toThrow(
      /configured twice/,
    );
    expect(() => loadClearinghouseAccounts('/etc/claimline/accounts.json', files({}))).toThrow(/JSON array/);
  });

  it('splits the download folder between acknowledgements and ERAs', () => {
    const [c] = loadClearinghouseAccounts('/etc/claimline/accounts.json', files([entry]));
    const names = ['a.837.999', 'a.837.277CA', 'a.837.TA1', 'a.837.1.835', '.a.part', 'b.835.txt'];
    expect(names.filter((n) => isResponseName(acknowledgementAccount(c), n))).toEqual([
      'a.837.999',
      'a.837.277CA',
      'a.837.TA1',
      'b.835.txt',
    ]);
    expect(names.filter((n) => isResponseName(eraAccount(c), n))).toEqual(['a.837.1.835']);
  });

  it('keeps the account own response pattern on both sides', () => {
    const [c] = loadClearinghouseAccounts(
      '/etc/claimline/accounts.json',
      files([{ ...entry, responseNamePattern: '^CLAIMLINE' }]),
    );
    expect(isResponseName(acknowledgementAccount(c), 'CLAIMLINE_1.999')).toBe(true);
    expect(isResponseName(acknowledgementAccount(c), 'OTHER_1.999')).toBe(false);
    expect(isResponseName(eraAccount(c), 'CLAIMLINE_1.835')).toBe(true);
    expect(isResponseName(eraAccount(c), 'OTHER_1.835')).toBe(false);
  });
});
