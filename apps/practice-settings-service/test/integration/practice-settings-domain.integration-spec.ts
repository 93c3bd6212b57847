import { RpcClient } from '@claimline/backend/util-nats';
import { rpcError } from '@claimline/backend/util-testing';
import { randomUUID } from 'node:crypto';
import { Actor, servicePrincipal } from '@claimline/contracts/common';
import { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import type {
  BillingProfileChangedEvent,
  ReadinessChangedEvent,
} from '@claimline/contracts/practice-settings';
import { address, admin, Harness } from './harness';

const billingAddress = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701-4042' };

describe('practice settings domain over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();

  beforeAll(async () => {
    await h.setUp();
    // client-insurance answers readiness items, claims takes the request and never answers, enrollments is absent.
    h.serve('readiness.items.client-insurance', (data: { practiceId: string }) => ({
      items: [
        {
          key: 'client-insurance.clients',
          section: 'clients',
          title: "Clients' insurance information",
          status: 'missing',
          missing: [{ field: 'clients', label: 'Add your insurance clients' }],
          fixAt: `/practices/${data.practiceId}/clients`,
          source: 'client-insurance',
        },
      ],
    }));
    h.serve('readiness.items.claims', () => undefined);
    await h.nc.flush();
    // Long enough for the answering stub on a loaded machine (300 ms timed out under load);
    // the silent one costs this much per readiness call.
    await h.start({
      READINESS_CONTRIBUTORS: 'client-insurance,enrollments,claims',
      READINESS_CONTRIBUTOR_TIMEOUT_MS: '1500',
    });
  });

  afterAll(() => h.tearDown());

  const newPractice = (type: 'solo' | 'group', name: string) =>
    h.rpc.send(
      'practice-settings.practice.create',
      { type, name, phone: '(512) 555-0100', address },
      { actor: admin },
    );
  const ownerOf = (practiceId: string): Actor => ({
    userId: `owner-${practiceId}`,
    role: 'practice_owner',
    practiceIds: [practiceId],
  });

  it('manages office locations with their place of service, versioned, emitting added, updated and removed', async () => {
    const p = await newPractice('group', 'Location Practice');
    const bad = await rpcError(
      h.rpc.send(
        'practice-settings.location.create',
        {
          practiceId: p.id,
          name: 'Mailbox',
          address: { ...address, line1: 'PO Box 12' },
          placeOfService: '30',
        },
        { actor: admin },
      ),
    );
    expect(bad.errors).toEqual([
      {
        field: 'address.line1',
        rule: 'po_box',
        message: 'An office location must be a street address where clients are seen, not a PO box',
      },
      {
        field: 'placeOfService',
        rule: 'place_of_service',
        message: 'Place of service 30 is not in the CMS code set',
      },
    ]);

    const office = await h.rpc.send(
      'practice-settings.location.create',
      { practiceId: p.id, name: 'Downtown', address },
      { actor: admin },
    );
    expect(office).toMatchObject({
      name: 'Downtown',
      placeOfService: '11',
      placeOfServiceName: 'Office',
      version: 1,
      phone: null,
    });
    const tele = await h.rpc.send(
      'practice-settings.location.create',
      { practiceId: p.id, name: 'Telehealth', address, placeOfService: '10', phone: '512-555-0111' },
      { actor: admin },
    );
    expect(tele.placeOfServiceName).toBe("Telehealth Provided in Patient's Home");

    const moved = await h.rpc.send(
      'practice-settings.location.update',
      { practiceId: p.id, locationId: office.id, version: 1, placeOfService: '02' },
      { actor: admin },
    );
    expect(moved).toMatchObject({ placeOfService: '02', version: 2 });
    expect(
      await rpcError(
        h.rpc.send(
          'practice-settings.location.update',
          { practiceId: p.id, locationId: office.id, version: 1, name: 'Old' },
          { actor: admin },
        ),
      ),
    ).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });

    const list = await h.rpc.send(
      'practice-settings.location.list',
      { practiceId: p.id, limit: 1 },
      { actor: admin },
    );
    expect(list).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(list.items.map((l) => l.name)).toEqual(['Downtown']);

    await h.rpc.send(
      'practice-settings.location.remove',
      { practiceId: p.id, locationId: tele.id },
      { actor: admin },
    );
    expect(
      await rpcError(
        h.rpc.send(
          'practice-settings.location.get',
          { practiceId: p.id, locationId: tele.id },
          { actor: admin },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    const otherOwner = ownerOf('00000000-0000-4000-8000-000000000000');
    expect(
      await rpcError(
        h.rpc.send(
          'practice-settings.location.get',
          { practiceId: p.id, locationId: office.id },
          { actor: otherOwner },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });

    const events = await h.eventsOf(p.id, 5);
    expect(events.map((e) => e.type)).toEqual([
      'practice-settings.practice.created',
      'practice-settings.location.added',
      'practice-settings.location.added',
      'practice-settings.location.updated',
      'practice-settings.location.removed',
    ]);
    expect(events[3].data).toMatchObject({
      changed: ['placeOfService'],
      location: { id: office.id, placeOfService: '02' },
    });
  });

  it('keeps the SSN encrypted, shows it whole to billing roles and masked to the practice, and never puts it in an event', async () => {
    const p = await newPractice('solo', 'Tax Practice');
    const empty = await h.rpc.send(
      'practice-settings.billing-profile.get',
      { practiceId: p.id },
      { actor: admin },
    );
    expect(empty).toMatchObject({
      version: 0,
      taxId: null,
      billAs: 'individual',
      serviceFacilityLocation: { enabled: false, required: false },
    });

    const saved = await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 0,
        billAs: 'individual',
        taxId: { kind: 'ssn', value: '123456789' },
        taxonomyCode: '1041c0700x',
        billingAddress,
        serviceFacilityLocation: false,
      },
      { actor: admin },
    );
    expect(saved).toMatchObject({
      version: 1,
      taxId: { kind: 'ssn', display: '123-45-6789', masked: false },
      taxonomyCode: '1041C0700X',
      taxonomyName: 'Clinical Social Worker',
      billingAddress,
    });

    const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [p.id] };
    expect(
      (await h.rpc.send('practice-settings.billing-profile.get', { practiceId: p.id }, { actor: staff }))
        .taxId,
    ).toEqual({ kind: 'ssn', display: '123-45-6789', masked: false });
    for (const role of ['practice_owner', 'clinician'] as const) {
      const seen = await h.rpc.send(
        'practice-settings.billing-profile.get',
        { practiceId: p.id },
        { actor: { ...ownerOf(p.id), role } },
      );
      expect(seen.taxId).toEqual({ kind: 'ssn', display: '***-**-6789', masked: true });
    }
    // enrollments, named by the handler, reads it as itself for this practice (the payer needs the
    // whole SSN); scoped to another practice it finds nothing; it may not list practices at all.
    const asEnrollments = new RpcClient<PracticeSettingsRpc>(
      h.nc,
      10_000,
      h.events.rpcPrefix,
      h.trust.signer('enrollments'),
    );
    const rights = ['practice-settings.billing-profile.get', 'practice-settings.practice.list'];
    expect(
      (
        await asEnrollments.send(
          'practice-settings.billing-profile.get',
          { practiceId: p.id },
          { principal: servicePrincipal('enrollments', rights, [p.id]) },
        )
      ).taxId,
    ).toEqual({ kind: 'ssn', display: '123-45-6789', masked: false });
    await expect(
      asEnrollments.send(
        'practice-settings.billing-profile.get',
        { practiceId: p.id },
        { principal: servicePrincipal('enrollments', rights, [randomUUID()]) },
      ),
    ).rejects.toMatchObject({ body: { code: 'not_found' } });
    await expect(
      asEnrollments.send(
        'practice-settings.practice.list',
        {},
        { principal: servicePrincipal('enrollments', rights) },
      ),
    ).rejects.toMatchObject({ body: { code: 'forbidden' } });

    const rows = await h.sql.query(
      'SELECT row_to_json(b)::text AS j FROM practice_settings.billing_profile b WHERE practice_id = $1',
      [p.id],
    );
    expect(rows[0].j).not.toMatch(/123-?45-?6789/);
    expect(rows[0].j).toMatch(/"tax_id_ssn_cipher":"v1\./);

    // The owner sends the profile back without the Tax ID it only saw masked: the SSN is kept.
    const owner = ownerOf(p.id);
    const kept = await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 1,
        billAs: 'individual',
        taxonomyCode: '1041C0700X',
        billingAddress,
        serviceFacilityLocation: true,
      },
      { actor: owner },
    );
    expect(kept).toMatchObject({
      version: 2,
      taxId: { kind: 'ssn', display: '***-**-6789' },
      serviceFacilityLocation: { enabled: true },
    });

    const ein = await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 2,
        billAs: 'individual',
        taxId: { kind: 'ein', value: '12-3456789' },
        taxonomyCode: '1041C0700X',
        billingAddress,
        serviceFacilityLocation: true,
      },
      { actor: owner },
    );
    expect(ein.taxId).toEqual({ kind: 'ein', display: '12-3456789', masked: false });

    const events = (await h.eventsOf(p.id, 4)).filter(
      (e) => e.type === 'practice-settings.billing-profile.updated',
    );
    // While the Tax ID is an SSN, no digit of it travels (an EIN, a business identifier, may).
    // Random ids are taken out first: one may contain 6789 by chance (1 run in a few hundred did).
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
    expect(JSON.stringify(events.slice(0, 2)).replace(uuid, '<id>')).not.toMatch(/6789/);
    const identities = events.map((e) => (e.data as BillingProfileChangedEvent).billingIdentity);
    expect(identities[0]).toMatchObject({
      practiceType: 'solo',
      billAs: 'individual',
      taxId: { kind: 'ssn', ein: null },
      taxonomyCode: '1041C0700X',
      billingAddress,
    });
    expect((events[0].data as BillingProfileChangedEvent).changed).toEqual(
      expect.arrayContaining(['taxId', 'taxonomyCode', 'billingAddress']),
    );
    expect((events[0].data as BillingProfileChangedEvent).changed).not.toContain('practiceId');
    expect((events[1].data as BillingProfileChangedEvent).changed).toEqual(['serviceFacilityLocation']);
    expect(identities[2]).toMatchObject({ taxId: { kind: 'ein', ein: '123456789' }, version: 3 });
  });

  it('refuses an inconsistent or invalid billing profile and saves none of it', async () => {
    const p = await newPractice('group', 'Refusing Practice');
    await h.rpc.send(
      'practice-settings.team-member.create',
      {
        practiceId: p.id,
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann@x.test',
        role: 'clinician',
        npi: '1234567893',
      },
      { actor: admin },
    );
    const put = (body: object, version = 0) =>
      rpcError(
        h.rpc.send(
          'practice-settings.billing-profile.put',
          { practiceId: p.id, version, billAs: 'individual', serviceFacilityLocation: false, ...body },
          { actor: admin },
        ),
      );

    expect((await put({ billAs: 'organization' })).errors).toEqual([
      {
        field: 'organizationNpi',
        rule: 'required',
        message: 'To bill as an Organization, enter the Organization (Type 2) NPI',
      },
    ]);
    expect((await put({ organizationNpi: '1234567893' })).errors?.[0]).toMatchObject({
      field: 'organizationNpi',
      rule: 'organization_npi',
    });
    expect((await put({ billingAddress: { ...billingAddress, line1: 'P.O. Box 500' } })).errors).toEqual([
      {
        field: 'billingAddress.line1',
        rule: 'po_box',
        message: 'The billing address must be a street address; enter a PO box as the pay-to address instead',
      },
    ]);
    const both =
      (await put({ taxId: { kind: 'ssn', value: '666-12-3456' }, taxonomyCode: '1041C0799X' })).errors ?? [];
    expect(both.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'taxId.value', rule: 'tax_id', message: 'An SSN cannot start with 000, 666 or 900–999' },
      {
        field: 'taxonomyCode',
        rule: 'taxonomy_code',
        message: 'Taxonomy code 1041C0799X is not in the NUCC code set (v25.1); check it on the NPI registry',
      },
    ]);
    // A group bills under its EIN.
    expect((await put({ taxId: { kind: 'ssn', value: '123-45-6789' } })).errors).toEqual([
      {
        field: 'taxId.kind',
        rule: 'ein_required',
        message:
          'A group practice bills under its EIN; an SSN is the Tax ID only of a solo clinician billing under their own name',
      },
    ]);
    expect(await put({}, 3)).toMatchObject({ code: 'conflict', details: { currentVersion: 0 } });
    const still = await h.rpc.send(
      'practice-settings.billing-profile.get',
      { practiceId: p.id },
      { actor: admin },
    );
    expect(still.version).toBe(0);
    const count = await h.sql.query(
      'SELECT count(*)::int AS c FROM practice_settings.billing_profile WHERE practice_id = $1',
      [p.id],
    );
    expect(count[0].c).toBe(0);
  });

  it("takes a solo practice from empty to ready, flagging box 32 with its reason, and gathers other services' items", async () => {
    const p = await newPractice('solo', 'Readiness Solo');
    const owner = ownerOf(p.id);
    const readiness = () =>
      h.rpc.send('practice-settings.readiness.get', { practiceId: p.id }, { actor: owner });
    const missingKeys = async () =>
      (await readiness()).items
        .filter((i) => i.status === 'missing' && i.source === 'practice-settings')
        .map((i) => i.key.replace('practice-settings.', ''));

    const first = await readiness();
    expect(first.complete).toBe(false);
    expect(first.sources).toEqual([
      { service: 'practice-settings', status: 'ok', items: 8 },
      { service: 'client-insurance', status: 'ok', items: 1 },
      { service: 'enrollments', status: 'absent', items: 0 },
      { service: 'claims', status: 'timeout', items: 0 },
    ]);
    expect(first.items.find((i) => i.source === 'client-insurance')).toMatchObject({
      key: 'client-insurance.clients',
      fixAt: `/practices/${p.id}/clients`,
    });
    // A contributor is asked by practice-settings as itself, for this practice only — never as the user.
    expect(h.callers.get('readiness.items.client-insurance')?.at(-1)).toEqual({
      kind: 'service',
      service: 'practice-settings',
      rights: ['readiness.items.client-insurance'],
      practiceIds: [p.id],
    });
    expect(await missingKeys()).toEqual([
      'team',
      'secure-messaging',
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    const me = await h.rpc.send(
      'practice-settings.team-member.create',
      {
        practiceId: p.id,
        firstName: 'Dana',
        lastName: 'Rivera',
        email: 'dana@x.test',
        role: 'owner',
        credentials: ['LCSW'],
        taxonomyCode: '1041C0700X',
      },
      { actor: owner },
    );
    expect(me).toMatchObject({
      credentials: ['LCSW'],
      taxonomyCode: '1041C0700X',
      secureMessagingEnabled: false,
      npi: null,
    });
    expect(await missingKeys()).toEqual([
      'secure-messaging',
      `personal-npi.${me.id}`,
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    await h.rpc.send(
      'practice-settings.team-member.update',
      { practiceId: p.id, memberId: me.id, version: 1, npi: '1234567893', secureMessagingEnabled: true },
      { actor: owner },
    );
    const practice = await h.rpc.send(
      'practice-settings.practice.update',
      { practiceId: p.id, version: 1, legalName: 'Readiness Solo PLLC', secureMessagingEnabled: true },
      { actor: owner },
    );
    expect(practice).toMatchObject({
      legalName: 'Readiness Solo PLLC',
      secureMessagingEnabled: true,
      settingsComplete: false,
    });
    await h.rpc.send(
      'practice-settings.location.create',
      {
        practiceId: p.id,
        name: 'Lamar office',
        address: { line1: '9 Lamar Blvd', city: 'Austin', state: 'TX', zip: '78704' },
      },
      { actor: owner },
    );
    expect(await missingKeys()).toEqual(['tax-id', 'taxonomy-code', 'billing-address']);

    const profile = await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 0,
        billAs: 'individual',
        taxId: { kind: 'ssn', value: '123-45-6789' },
        taxonomyCode: '1041C0700X',
        billingAddress,
        serviceFacilityLocation: false,
      },
      { actor: owner },
    );
    expect(profile.serviceFacilityLocation).toEqual({
      enabled: false,
      required: true,
      reason:
        'Your billing address (100 Congress Ave, Austin) differs from the location "Lamar office" (9 Lamar Blvd, Austin) where services are performed: turn on Service Facility Location (box 32)',
    });
    const sfl = (await readiness()).items.find(
      (i) => i.key === 'practice-settings.service-facility-location',
    )!;
    expect(sfl).toMatchObject({
      status: 'missing',
      fixAt: `/practices/${p.id}/settings/billing`,
      missing: [
        { field: 'billingProfile.serviceFacilityLocation', label: profile.serviceFacilityLocation.reason },
      ],
    });
    expect(
      (
        await h.rpc.send(
          'practice-settings.practice.list',
          { readiness: 'complete', search: 'Readiness Solo' },
          { actor: admin },
        )
      ).total,
    ).toBe(0);

    const before = await h.rpc.send('practice-settings.practice.get', { practiceId: p.id }, { actor: owner });
    await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 1,
        billAs: 'individual',
        taxonomyCode: '1041C0700X',
        billingAddress,
        serviceFacilityLocation: true,
      },
      { actor: owner },
    );
    const ready = await readiness();
    expect(
      ready.items.filter((i) => i.source === 'practice-settings').every((i) => i.status === 'done'),
    ).toBe(true);
    expect(ready.complete).toBe(false); // client-insurance still has an item missing
    const after = await h.rpc.send('practice-settings.practice.get', { practiceId: p.id }, { actor: owner });
    expect(after.settingsComplete).toBe(true);
    // Readiness is derived: becoming complete does not move the version an editor holds.
    expect(after.version).toBe(before.version);
    const complete = await h.rpc.send(
      'practice-settings.practice.list',
      { readiness: 'complete', search: 'Readiness Solo' },
      { actor: admin },
    );
    expect(complete.items.map((x) => x.id)).toEqual([p.id]);
    expect(
      (
        await h.rpc.send(
          'practice-settings.practice.list',
          { readiness: 'incomplete', search: 'Readiness Solo' },
          { actor: admin },
        )
      ).total,
    ).toBe(0);

    await waitForType(p.id, 'practice-settings.readiness.changed');
    const changed = h.seen.filter(
      (e) => e.practiceId === p.id && e.type === 'practice-settings.readiness.changed',
    );
    expect(changed.map((e) => (e.data as ReadinessChangedEvent).complete)).toEqual([true]);
    // The derived flag did not move the practice's version under its editors.
    expect(
      (await h.rpc.send('practice-settings.practice.get', { practiceId: p.id }, { actor: owner })).version,
    ).toBe(2);
  });

  it("refuses a team member's NPI that another member has, or that is the practice's Organization NPI", async () => {
    const p = await newPractice('group', 'One NPI Each');
    const member = (body: { email: string; firstName?: string; npi: string }) =>
      h.rpc.send(
        'practice-settings.team-member.create',
        { practiceId: p.id, firstName: 'Ann', lastName: 'Lee', role: 'clinician', ...body },
        { actor: admin },
      );
    const ann = await member({ email: 'ann@npi.test', npi: '1234567893' });
    const twice = await rpcError(member({ email: 'bo@npi.test', npi: '1234567893' }));
    expect(twice.errors).toEqual([
      {
        field: 'npi',
        rule: 'unique',
        message:
          "NPI 1234567893 is already the NPI of Ann Lee on this practice's team; each clinician has a personal NPI of their own",
      },
    ]);
    const bo = await member({ email: 'bo@npi.test', firstName: 'Bo', npi: '1245319599' });
    const moved = await rpcError(
      h.rpc.send(
        'practice-settings.team-member.update',
        { practiceId: p.id, memberId: bo.id, version: bo.version, npi: '1234567893' },
        { actor: admin },
      ),
    );
    expect(moved.errors?.[0]).toMatchObject({ field: 'npi', rule: 'unique' });
    // Saving Ann with her own NPI again is no clash; another practice may have a member with it.
    await h.rpc.send(
      'practice-settings.team-member.update',
      { practiceId: p.id, memberId: ann.id, version: ann.version, npi: '1234567893', firstName: 'Anne' },
      { actor: admin },
    );
    const elsewhere = await newPractice('solo', 'Other NPI Practice');
    await h.rpc.send(
      'practice-settings.team-member.create',
      {
        practiceId: elsewhere.id,
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann@npi.test',
        role: 'owner',
        npi: '1234567893',
      },
      { actor: admin },
    );
    // The Organization NPI is not a person's.
    await h.rpc.send(
      'practice-settings.billing-profile.put',
      {
        practiceId: p.id,
        version: 0,
        billAs: 'organization',
        organizationNpi: '1982736450',
        serviceFacilityLocation: false,
      },
      { actor: admin },
    );
    const org = await rpcError(member({ email: 'cy@npi.test', firstName: 'Cy', npi: '1982736450' }));
    expect(org.errors?.[0]).toMatchObject({ field: 'npi', rule: 'organization_npi' });
    expect(org.errors?.[0].message).toContain("the practice's Organization (Type 2) NPI");
    const listed = await h.rpc.send(
      'practice-settings.team-member.list',
      { practiceId: p.id },
      { actor: admin },
    );
    expect(listed.items.map((x: { email: string }) => x.email).sort()).toEqual([
      'ann@npi.test',
      'bo@npi.test',
    ]);
  });

  it('makes every clinician NPI of a group an item and needs the group NPI', async () => {
    const p = await newPractice('group', 'Readiness Group');
    for (const [first, npi] of [
      ['Ann', '1234567893'],
      ['Ben', null],
    ] as const) {
      await h.rpc.send(
        'practice-settings.team-member.create',
        {
          practiceId: p.id,
          firstName: first,
          lastName: 'Group',
          email: `${first}@g.test`,
          role: 'clinician',
          npi,
        },
        { actor: admin },
      );
    }
    const r = await h.rpc.send('practice-settings.readiness.get', { practiceId: p.id }, { actor: admin });
    const npis = r.items.filter((i) => i.key.startsWith('practice-settings.personal-npi.'));
    expect(npis.map((i) => [i.title, i.status])).toEqual([
      ['Personal (Type 1) NPI of Ann Group', 'done'],
      ['Personal (Type 1) NPI of Ben Group', 'missing'],
    ]);
    expect(r.items.find((i) => i.key === 'practice-settings.organization-npi')).toMatchObject({
      status: 'missing',
      missing: [{ field: 'billingProfile.organizationNpi' }],
    });
  });

  async function waitForType(practiceId: string, type: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!h.seen.some((e) => e.practiceId === practiceId && e.type === type)) {
      if (Date.now() > deadline) throw new Error(`no ${type} event`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
