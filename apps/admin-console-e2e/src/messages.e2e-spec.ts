import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@claimline/backend/util-testing';
import { EVENTUALLY, restCall, restCreatePractice, restOk, restToken } from './support/api';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

const mailsTo = async (address: string): Promise<CaughtMail[]> =>
  ((await fetch(`${process.env['E2E_MAIL_URL']}/messages`).then((r) => r.json())) as CaughtMail[]).filter(
    (m) => m.to.some((t) => t.toLowerCase().includes(address.toLowerCase())),
  );

/**
 * Secure messaging live in the console (issue #19, ADR 0026): the practice owner and the billing
 * team member each in a browser of their own. A message appears on the other side without a
 * reload, the read receipt comes back, the top bar counts unread messages, and with the owner
 * away from the thread the unread e-mail (5 s in the test stack) reaches the mail catcher.
 */
describe('secure messages, live between two browsers', () => {
  const session = useBrowser({ page: 'per-file' });
  let owner: Page;
  let biller: Page;
  let practiceId = '';
  let threadId = '';
  const ownerEmail = `owner-${runId}-${randomBytes(3).toString('hex')}@messages.test`;
  const ownerPassword = `Harbor-${randomBytes(6).toString('hex')}-Lantern`;

  beforeAll(async () => {
    const admin = await restToken(users.admin);
    const practice = await restCreatePractice(admin, {
      name: `Messages Practice ${runId}`,
      secureMessagingEnabled: true,
    });
    practiceId = practice.id;
    await restOk(admin, 'POST', `/practices/${practiceId}/team-members`, {
      firstName: 'Robin',
      lastName: 'Hale',
      email: ownerEmail,
      role: 'owner',
      secureMessagingEnabled: true,
    });
    await restOk(admin, 'POST', '/users', {
      email: ownerEmail,
      displayName: 'Robin Hale',
      password: ownerPassword,
      role: 'practice_owner',
      practiceId,
    });
    const staff = await restToken(users.staff);
    const me = await restOk<{ id: string; practiceIds: string[] | null }>(staff, 'GET', '/auth/me');
    await restOk(admin, 'PUT', `/users/${me.id}/practices`, {
      practiceIds: [...(me.practiceIds ?? []), practiceId],
    });
    // The billing team opens a thread once messaging has learnt the practice's switch (an event).
    const billerToken = await restToken(users.staff);
    const ownerId = (
      await restOk<{ id: string }>(
        await restToken({ email: ownerEmail, password: ownerPassword }),
        'GET',
        '/auth/me',
      )
    ).id;
    const thread = await waitFor(
      'messaging to know the practice',
      async () => {
        const r = await restCall('POST', `/practices/${practiceId}/threads`, billerToken, {
          subject: 'Your March claims',
          participantUserIds: [ownerId],
          text: 'Two claims need a diagnosis code before we can send them.',
        });
        return r.status === 201 ? (r.body as { id: string }) : null;
      },
      ...EVENTUALLY,
    );
    threadId = thread.id;

    owner = session.page;
    biller = await session.newPage();
    await signIn(owner, { email: ownerEmail, password: ownerPassword });
    await signIn(biller, users.staff);
  });

  it('shows the owner the new thread with its unread badge, in the inbox and the top bar', async () => {
    await owner.goto(`/practices/${practiceId}/messages`);
    const row = owner.getByTestId('thread-row').filter({ hasText: 'Your March claims' });
    await row.getByTestId('thread-unread').filter({ hasText: '1' }).waitFor();
    await owner.getByTestId('unread-badge').filter({ hasText: /[1-9]/ }).waitFor();
    await screenshot(owner, 'messages-01-inbox');
  });

  it('brings the read receipt back to the biller live when the owner opens the thread', async () => {
    await biller.goto(`/practices/${practiceId}/messages/${threadId}`);
    await biller.getByTestId('message-text').filter({ hasText: 'diagnosis code' }).waitFor();
    await biller.getByTestId('receipt').filter({ hasText: 'Sent' }).waitFor();

    await owner.goto(`/practices/${practiceId}/messages/${threadId}`);
    await owner.getByTestId('message-text').filter({ hasText: 'diagnosis code' }).waitFor();
    // No reload on the biller's side: the receipt is pushed.
    await biller.getByTestId('receipt').filter({ hasText: 'Read by Robin Hale' }).waitFor({ timeout: 5000 });
    await owner.getByTestId('unread-badge').waitFor({ state: 'detached' });
  });

  it('shows a reply on the other side without a reload, and its receipt comes back', async () => {
    await owner.getByTestId('reply-text').fill('I will add them today.');
    await owner.getByTestId('reply-send').click();
    await biller
      .getByTestId('message-text')
      .filter({ hasText: 'I will add them today.' })
      .waitFor({ timeout: 5000 });
    // The biller has the thread open: it is read at once, and the owner sees it.
    await owner
      .getByTestId('receipt')
      .filter({ hasText: /^Read by / })
      .waitFor({ timeout: 5000 });
    await screenshot(biller, 'messages-02-thread');
  });

  it('e-mails the owner, without the text, when a message waits unread while they are away', async () => {
    const before = (await mailsTo(ownerEmail)).length;
    await owner.goto(`/practices/${practiceId}/messages`);
    await owner.getByTestId('thread-row').first().waitFor();
    await biller.getByTestId('reply-text').fill('Thanks. The ERA for February arrived too.');
    await biller.getByTestId('reply-send').click();
    // Live on the owner's inbox and top bar, while the owner stays away from the thread.
    await owner
      .getByTestId('thread-row')
      .filter({ hasText: 'Your March claims' })
      .getByTestId('thread-unread')
      .waitFor({ timeout: 5000 });
    await owner.getByTestId('unread-badge').waitFor({ timeout: 5000 });
    const mail = await waitFor(
      'the unread e-mail',
      async () => (await mailsTo(ownerEmail)).slice(before)[0] ?? null,
      ...EVENTUALLY,
    );
    expect(mail.subject + mail.text).toContain('You have a new secure message');
    expect(mail.text).not.toContain('ERA');
    expect(mail.text).not.toContain('March claims');
  });

  it('starts a thread from the inbox with “New message”, which reaches the biller', async () => {
    await owner.getByTestId('new-thread').click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByTestId('compose-subject').fill('Question about a copay');
    await dialog.getByTestId('compose-text').fill('Is a copay collected for telehealth visits?');
    await dialog.getByTestId('compose-send').click();
    await owner.waitForURL(new RegExp(`/practices/${practiceId}/messages/[0-9a-f-]{36}$`));
    await biller.goto(`/practices/${practiceId}/messages`);
    await biller.getByTestId('thread-row').filter({ hasText: 'Question about a copay' }).waitFor();
  });
});
