import { INestMicroservice } from '@nestjs/common';
import { MetricSample, MetricsHost, parseMetrics, sampleSum } from '@claimline/backend/util-metrics';
import { waitFor } from '@claimline/backend/util-testing';
import { Harness, memberView, practiceView } from './harness';
import { TestSmtpServer } from './smtp';

describe('notifications metrics: consumers and the e-mail queue (real PostgreSQL, NATS and SMTP)', () => {
  const h = new Harness();
  let smtp: TestSmtpServer;
  let app: INestMicroservice;

  const scrape = async (): Promise<MetricSample[]> => {
    const res = await fetch(`http://127.0.0.1:${app.get(MetricsHost).address!.port}/metrics`);
    expect(res.status).toBe(200);
    return parseMetrics(await res.text());
  };
  const durable = 'notifications-enrollments';

  beforeAll(async () => {
    await h.setUp();
    smtp = await TestSmtpServer.start();
    app = await h.start(smtp.url, { METRICS_PORT: '0' });
  });

  afterAll(async () => {
    await h.tearDown();
    await smtp?.stop();
  });

  it('counts a failing event as failed and redelivered, then handled; e-mails by status as the table has them', async () => {
    const practice = practiceView('Metrics Therapy', null);
    const owner = memberView(practice.id, 'owner@metrics-therapy.test', 'owner');
    smtp.always.set(owner.email, 550);
    const before = await scrape();
    const delta = (s: MetricSample[], name: string) =>
      sampleSum(s, name, { durable }) - sampleSum(before, name, { durable });

    // The practice is not in the read model yet: the handler throws and the event comes back.
    const event = h.enrollmentEvent(practice.id, 'accepted');
    await h.publish('enrollments', event);
    await waitFor(
      'a failure and a redelivery',
      async () => {
        const s = await scrape();
        return delta(s, 'claimline_consumer_failed_total') >= 1 &&
          delta(s, 'claimline_consumer_redelivered_total') >= 1
          ? s
          : null;
      },
      20_000,
    );

    await h.seedPractice(practice, [owner]);
    await h.waitForStatus(event.id, 'failed');
    const after = await waitFor(
      'the handled event and the failed e-mail in the metrics',
      async () => {
        const s = await scrape();
        return delta(s, 'claimline_consumer_handled_total') >= 1 ? s : null;
      },
      20_000,
    );
    const [{ failed, pending }] = await h.sql.query(
      `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'pending')::int AS pending FROM notifications.email`,
    );
    expect(failed).toBe(1);
    expect(sampleSum(after, 'claimline_email_queue', { status: 'failed' })).toBe(failed);
    expect(sampleSum(after, 'claimline_email_queue', { status: 'pending' })).toBe(pending);
    // every event of the stream has been delivered to the durable
    expect(sampleSum(after, 'claimline_consumer_pending_messages', { durable })).toBe(0);
    expect(
      after.some(
        (s) =>
          s.name === 'claimline_consumer_pending_messages' &&
          s.labels['durable'] === 'notifications-practices',
      ),
    ).toBe(true);
    smtp.always.delete(owner.email);
  });
});
