import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimFor, sample837p } from '../../test/sample-837p';
import { ClearinghouseSandbox } from './sandbox';

describe('the sandbox file loop', () => {
  let dir: string;
  let now = Date.parse('2026-10-16T10:00:00Z');
  const folders = () => ({
    inbound: path.join(dir, 'inbound'),
    outbound: path.join(dir, 'outbound'),
    stateDir: path.join(dir, 'state'),
    remitDelayMs: 60_000,
    now: () => new Date(now),
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-loop-'));
    mkdirSync(path.join(dir, 'inbound'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers finished uploads only, once, and keeps the 835 until its delay has passed, across a restart', () => {
    const { inbound, outbound } = folders();
    writeFileSync(path.join(inbound, '.A.837.part'), 'half');
    writeFileSync(path.join(inbound, 'A.837'), sample837p([claimFor(1, 'XJ1')], 301));
    expect(new ClearinghouseSandbox(folders()).tick()).toEqual(['A.999', 'A.277CA']);
    expect(readdirSync(inbound)).toEqual(['.A.837.part']);

    // A new process: the upload is not answered again, and the pending 835 is still there.
    const restarted = new ClearinghouseSandbox(folders());
    expect(restarted.tick()).toEqual([]);
    now += 60_000;
    expect(restarted.tick()).toEqual(['A.1.835']);
    expect(readdirSync(outbound).sort()).toEqual(['A.1.835', 'A.277CA', 'A.999']);
  });

  it('remembers the ISA13s received across a restart (TA1 025 for a resend)', () => {
    const { inbound } = folders();
    const x12 = sample837p([claimFor(1, 'XJ1')], 302);
    writeFileSync(path.join(inbound, 'A.837'), x12);
    new ClearinghouseSandbox(folders()).tick();
    writeFileSync(path.join(inbound, 'B.837'), x12);
    expect(new ClearinghouseSandbox(folders()).tick()).toEqual(['B.TA1']);
  });

  it('says why it cannot read a file, sets it aside and goes on with the next', () => {
    const { inbound, outbound } = folders();
    writeFileSync(path.join(inbound, 'A.837'), 'not x12');
    writeFileSync(path.join(inbound, 'B.837'), sample837p([claimFor(1, 'XJ1')], 303));
    expect(new ClearinghouseSandbox(folders()).tick()).toEqual(['A.REJECTED.txt', 'B.999', 'B.277CA']);
    expect(readdirSync(inbound)).toEqual([]);
    expect(readdirSync(outbound)).toContain('A.REJECTED.txt');
  });
});
