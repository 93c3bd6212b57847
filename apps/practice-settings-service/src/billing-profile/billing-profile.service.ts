import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  BillingProfileView,
  PracticeSettingsEvents,
  PracticeSettingsEventTypes as Events,
  PutBillingProfileCommand,
} from '@claimline/contracts/practice-settings';
import { parseTaxId } from '@claimline/domain';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { LocationEntity } from '../locations/entities/location.entity';
import { findPractice } from '../practices/practice-access';
import { TeamMemberEntity } from '../practices/entities/team-member.entity';
import { ReadinessRefresher } from '../readiness/readiness.refresher';
import { serviceFacilityRule } from '../readiness/readiness.rules';
import { BillingProfileEntity } from './entities/billing-profile.entity';
import {
  addressFromColumns,
  addressToColumns,
  assertVersion,
  changedFields,
  optionalAddressFromColumns,
} from '@claimline/backend/util-persistence';
import {
  emptyProfileView,
  taxIdView,
  toBillingIdentity,
  toBillingProfileView,
} from './billing-profile.mapper';

@Injectable()
export class BillingProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<PracticeSettingsEvents>,
    private readonly readiness: ReadinessRefresher,
    @Inject(PhiCipher) private readonly cipher: PhiCipher,
  ) {}

  async get(actor: Principal, practiceId: string): Promise<BillingProfileView> {
    await findPractice(this.db.manager, practiceId);
    const profile = await this.db.manager.findOne(BillingProfileEntity, { where: { practiceId } });
    if (!profile) return emptyProfileView(practiceId);
    return this.view(this.db.manager, actor, profile);
  }

  async put(actor: Principal, cmd: PutBillingProfileCommand): Promise<BillingProfileView> {
    return this.db.transaction(async (m) => {
      const practice = await findPractice(m, cmd.practiceId, true);
      const existing = await m.findOne(BillingProfileEntity, {
        where: { practiceId: cmd.practiceId },
        lock: { mode: 'pessimistic_write' },
      });
      assertVersion('The billing profile', existing?.version ?? 0, cmd.version);

      const organizationNpi = cmd.organizationNpi ?? null;
      if (cmd.billAs === 'organization' && !organizationNpi) {
        throw RpcError.field(
          'organizationNpi',
          'required',
          'To bill as an Organization, enter the Organization (Type 2) NPI',
        );
      }
      if (organizationNpi) {
        const clash = await m.findOne(TeamMemberEntity, {
          where: { practiceId: cmd.practiceId, npi: organizationNpi, removedAt: IsNull() },
        });
        if (clash) {
          throw RpcError.field(
            'organizationNpi',
            'organization_npi',
            `NPI ${organizationNpi} is the personal (Type 1) NPI of ${clash.firstName} ${clash.lastName}; the Organization NPI is a different, Type 2 number`,
          );
        }
      }

      const before = existing ? toBillingIdentity(existing, practice.type, false) : null;
      const profile = existing ?? m.create(BillingProfileEntity, { practiceId: cmd.practiceId });
      profile.billAs = cmd.billAs;
      profile.organizationNpi = organizationNpi;
      profile.taxonomyCode = cmd.taxonomyCode ?? null;
      profile.billingAddress = addressToColumns(cmd.billingAddress);
      profile.payToAddress = addressToColumns(cmd.payToAddress);
      profile.serviceFacilityLocation = cmd.serviceFacilityLocation;
      let taxIdChanged = false;
      if (cmd.taxId === null) {
        taxIdChanged = profile.taxIdKind !== null && profile.taxIdKind !== undefined;
        Object.assign(profile, { taxIdKind: null, taxIdEin: null, taxIdSsnCipher: null });
      } else if (cmd.taxId !== undefined) {
        const parsed = parseTaxId(cmd.taxId.value, cmd.taxId.kind);
        if (!parsed.ok)
          throw RpcError.field('taxId.value', 'tax_id', parsed.problems.map((p) => p.message).join('; '));
        const { kind, digits } = parsed.value;
        const previous =
          profile.taxIdKind === 'ssn' && profile.taxIdSsnCipher
            ? this.cipher.decrypt(profile.taxIdSsnCipher, profile.practiceId)
            : profile.taxIdEin;
        taxIdChanged = profile.taxIdKind !== kind || previous !== digits;
        if (taxIdChanged) {
          Object.assign(profile, {
            taxIdKind: kind,
            taxIdEin: kind === 'ein' ? digits : null,
            taxIdSsnCipher: kind === 'ssn' ? this.cipher.encrypt(digits, profile.practiceId) : null,
          });
        }
      }
      // A group, or anyone billing as an organisation, bills under the employer identification
      // number: payers reject an SSN with a Type 2 NPI, and a group's payments are not one person's.
      if (profile.taxIdKind === 'ssn' && (practice.type === 'group' || cmd.billAs === 'organization')) {
        throw RpcError.field(
          cmd.taxId ? 'taxId.kind' : 'billAs',
          'ein_required',
          practice.type === 'group'
            ? 'A group practice bills under its EIN; an SSN is the Tax ID only of a solo clinician billing under their own name'
            : 'Billing as an Organization needs an EIN as the Tax ID; an SSN goes only with billing as an Individual',
        );
      }
      const after = toBillingIdentity(profile, practice.type, false);
      const changed = [
        ...changedFields(
          (before ?? {}) as unknown as Record<string, unknown>,
          {
            ...after,
            taxId: undefined,
            version: undefined,
            practiceType: undefined,
            practiceId: undefined,
          } as unknown as Record<string, unknown>,
        ),
        ...(taxIdChanged ? ['taxId'] : []),
      ];
      if (existing && changed.length === 0) return this.view(m, actor, profile);

      await m.save(profile);
      await this.readiness.refresh(m, actor, practice);
      const facility = await this.facility(m, profile);
      await this.outbox.add(m, actor, {
        type: Events.billingProfileUpdated,
        aggregateId: practice.id,
        practiceId: practice.id,
        data: { billingIdentity: toBillingIdentity(profile, practice.type, facility.required), changed },
      });
      return toBillingProfileView(profile, taxIdView(profile, actor, this.cipher), facility);
    });
  }

  private async view(
    m: EntityManager,
    actor: Principal,
    profile: BillingProfileEntity,
  ): Promise<BillingProfileView> {
    return toBillingProfileView(
      profile,
      taxIdView(profile, actor, this.cipher),
      await this.facility(m, profile),
    );
  }

  private async facility(m: EntityManager, profile: BillingProfileEntity) {
    const locations = await m.find(LocationEntity, {
      where: { practiceId: profile.practiceId, removedAt: IsNull() },
    });
    return serviceFacilityRule(
      optionalAddressFromColumns(profile.billingAddress),
      locations.map((l) => ({ ...l, address: addressFromColumns(l.address) })),
      profile.serviceFacilityLocation,
    );
  }
}
