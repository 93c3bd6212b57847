import { waitFor } from '@claimline/backend/util-testing';
import { address, admin, Harness, ServiceProcess } from './harness';

/**
 * The built service runs as its own process. It is SIGKILLed while its events are still in the
 * outbox; after a restart every event arrives, and none has a second effect.
 */
describe('practice-settings service survives SIGKILL with events pending', () => {
  const h = new Harness();
  afterAll(() => h.tearDown());

  it('delivers every pending event exactly once in effect after a kill and restart', async () => {
    await h.setUp();
    const held = new ServiceProcess(h.serviceEnv({ OUTBOX_RELAY_START_DELAY_MS: '600000' }));
    await held.start(h.rpc);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await h.rpc.send(
        'practice-settings.practice.create',
        { type: 'solo', name: `Crash Test ${i}`, phone: '5125550100', address },
        { actor: admin },
      );
      ids.push(p.id);
    }
    const pending = await h.sql.query(
      'SELECT count(*)::int AS c FROM practice_settings.outbox WHERE published_at IS NULL',
    );
    expect(pending[0].c).toBe(20);

    await held.kill('SIGKILL');
    expect(await h.effects()).toHaveLength(0);

    const service = new ServiceProcess(h.serviceEnv());
    await service.start(h.rpc);
    try {
      await h.waitForEffects(20);

      // A crash between "published" and "marked": the relay publishes these again.
      await h.sql.query(
        `UPDATE practice_settings.outbox SET published_at = NULL WHERE id IN (SELECT id FROM practice_settings.outbox ORDER BY seq LIMIT 5)`,
      );
      await waitFor('the relay to re-publish', async () => {
        const rows = await h.sql.query(
          'SELECT count(*)::int AS c FROM practice_settings.outbox WHERE published_at IS NULL',
        );
        return rows[0].c === 0;
      });
      await new Promise((r) => setTimeout(r, 500));

      const effects = await h.effects();
      expect(effects).toHaveLength(20);
      expect(new Set(effects.map((e) => e.event_id)).size).toBe(20);
      const created = h.seen
        .filter((e) => e.type === 'practice-settings.practice.created')
        .map((e) => e.aggregateId);
      expect(new Set(created)).toEqual(new Set(ids));
    } finally {
      await service.kill('SIGTERM');
    }
  });
});
