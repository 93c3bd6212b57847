import type { AddressDto } from '@claimline/contracts/common';
import type {
  BillAs,
  MissingField,
  PracticeType,
  ReadinessItem,
  TaxIdKind,
  TeamMemberRole,
} from '@claimline/contracts/practice-settings';
import { isTelehealthPlaceOfService } from '@claimline/reference-data';

/** What the checklist needs to know, read in one go (see ReadinessRefresher). */
export interface ReadinessInput {
  practice: {
    id: string;
    type: PracticeType;
    name: string;
    legalName: string | null;
    phone: string;
    address: AddressDto;
    secureMessagingEnabled: boolean;
  };
  members: {
    id: string;
    firstName: string;
    lastName: string;
    role: TeamMemberRole;
    npi: string | null;
    secureMessagingEnabled: boolean;
  }[];
  locations: { id: string; name: string; address: AddressDto; placeOfService: string }[];
  profile: {
    billAs: BillAs;
    organizationNpi: string | null;
    taxIdKind: TaxIdKind | null;
    taxonomyCode: string | null;
    billingAddress: AddressDto | null;
    serviceFacilityLocation: boolean;
  } | null;
}

const SOURCE = 'practice-settings';
/** Team members who see clients, and so need a personal NPI on the claims they render. */
const PROVIDER_ROLES: readonly TeamMemberRole[] = ['owner', 'clinician'];

const normal = (s: string | null | undefined) =>
  (s ?? '').toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
export function sameAddress(a: AddressDto, b: AddressDto): boolean {
  return (
    normal(a.line1) === normal(b.line1) &&
    normal(a.line2) === normal(b.line2) &&
    normal(a.city) === normal(b.city) &&
    a.state === b.state &&
    a.zip.slice(0, 5) === b.zip.slice(0, 5)
  );
}
const oneLine = (a: AddressDto) => `${a.line1}, ${a.city}`;

/**
 * Box 32 must be on when services are performed somewhere other than the billing address.
 * Locations whose default place of service is telehealth (02, 10) are left out: nothing is
 * performed at their address.
 */
export function serviceFacilityRule(
  billingAddress: AddressDto | null,
  locations: ReadinessInput['locations'],
  enabled: boolean,
): { required: boolean; reason: string | null } {
  if (!billingAddress) return { required: false, reason: null };
  const elsewhere = locations.find(
    (l) => !isTelehealthPlaceOfService(l.placeOfService) && !sameAddress(l.address, billingAddress),
  );
  if (!elsewhere) return { required: false, reason: null };
  return {
    required: true,
    reason: enabled
      ? null
      : `Your billing address (${oneLine(billingAddress)}) differs from the location "${elsewhere.name}" (${oneLine(elsewhere.address)}) where services are performed: turn on Service Facility Location (box 32)`,
  };
}

function item(
  key: string,
  section: string,
  title: string,
  missing: MissingField[],
  fixAt: string,
  note?: string,
): ReadinessItem {
  return {
    key: `${SOURCE}.${key}`,
    section,
    title,
    status: missing.length ? 'missing' : 'done',
    missing,
    fixAt,
    ...(note && { note }),
    source: SOURCE,
  };
}

/** The seed's checklist ("Set up your profile", "Enable Secure Messaging", "Set up your account") for one practice. */
export function computeReadiness(input: ReadinessInput): ReadinessItem[] {
  const { practice: p, members, locations, profile } = input;
  const group = p.type === 'group';
  const settings = `/practices/${p.id}/settings`;
  const billing = `${settings}/billing`;
  const providers = members.filter((m) => PROVIDER_ROLES.includes(m.role));
  const items: ReadinessItem[] = [];

  items.push(
    item(
      'team',
      'profile',
      group ? 'Clinicians on the team' : 'Your clinician profile',
      providers.length
        ? []
        : [
            {
              field: 'teamMembers',
              label: 'Add yourself (or each clinician) as a team member with the role owner or clinician',
            },
          ],
      `${settings}/team-members`,
    ),
  );

  items.push(
    item(
      'secure-messaging',
      'secure-messaging',
      'Secure Messaging on for the practice and every team member',
      [
        ...(p.secureMessagingEnabled
          ? []
          : [
              {
                field: 'practice.secureMessagingEnabled',
                label: 'Turn on Secure Messaging for the practice',
              },
            ]),
        // With nobody on the team, the switch alone reaches no one: the billing team has no one to write to.
        ...(members.length
          ? []
          : [
              {
                field: 'teamMembers',
                label: 'Add a team member: Secure Messaging reaches the people on the team',
              },
            ]),
        ...members
          .filter((m) => !m.secureMessagingEnabled)
          .map((m) => ({
            field: `teamMembers.${m.id}.secureMessagingEnabled`,
            label: `Turn on Secure Messaging for ${m.firstName} ${m.lastName}`,
          })),
      ],
      `${settings}/secure-messaging`,
    ),
  );

  for (const m of providers) {
    items.push(
      item(
        `personal-npi.${m.id}`,
        'account',
        `Personal (Type 1) NPI of ${m.firstName} ${m.lastName}`,
        m.npi
          ? []
          : [
              {
                field: `teamMembers.${m.id}.npi`,
                label: `Enter the personal NPI of ${m.firstName} ${m.lastName}`,
              },
            ],
        `${settings}/team-members/${m.id}`,
      ),
    );
  }

  items.push(
    item(
      'practice-information',
      'account',
      'Practice information: name, phone, address and office locations',
      [
        ...(p.legalName
          ? []
          : [
              {
                field: 'practice.legalName',
                label: 'Legal name of the practice, as registered with the IRS',
              },
            ]),
        ...(locations.length
          ? []
          : [{ field: 'locations', label: 'At least one office location, with its place of service' }]),
      ],
      `${settings}/practice-details`,
    ),
  );

  const orgNpiMissing = !profile?.organizationNpi && (group || profile?.billAs === 'organization');
  items.push(
    item(
      'organization-npi',
      'account',
      'Organization (Type 2) NPI',
      orgNpiMissing
        ? [
            {
              field: 'billingProfile.organizationNpi',
              label: 'Enter the Organization (Type 2) NPI the group bills with',
            },
          ]
        : [],
      billing,
      group
        ? undefined
        : "Optional for a solo practice: if you don't have a group or organization NPI, leave it blank",
    ),
  );

  items.push(
    item(
      'tax-id',
      'account',
      'Tax ID (EIN) or SSN',
      profile?.taxIdKind
        ? []
        : [
            {
              field: 'billingProfile.taxId',
              label: 'Enter the Tax ID (EIN) or SSN that claims are filed under',
            },
          ],
      billing,
    ),
  );

  items.push(
    item(
      'taxonomy-code',
      'account',
      group ? 'Taxonomy code of the group NPI' : 'Taxonomy code',
      profile?.taxonomyCode
        ? []
        : [
            {
              field: 'billingProfile.taxonomyCode',
              label: group
                ? 'Enter the taxonomy code of your group NPI'
                : 'Enter your taxonomy code (look it up on the NPI registry)',
            },
          ],
      billing,
    ),
  );

  const billingMissing: MissingField[] = [];
  if (!profile?.billingAddress)
    billingMissing.push({
      field: 'billingProfile.billingAddress',
      label: 'Enter the billing address where payers send insurance payments',
    });
  if (group && profile?.billAs !== 'organization') {
    billingMissing.push({
      field: 'billingProfile.billAs',
      label: 'A group practice bills as Organization, with its group NPI',
    });
  }
  items.push(
    item(
      'billing-address',
      'account',
      group ? 'Billing address' : 'Billing address, billing as Individual or Organization',
      billingMissing,
      billing,
    ),
  );

  const facility = serviceFacilityRule(
    profile?.billingAddress ?? null,
    locations,
    profile?.serviceFacilityLocation ?? false,
  );
  items.push(
    item(
      'service-facility-location',
      'account',
      'Service Facility Location (box 32)',
      facility.reason ? [{ field: 'billingProfile.serviceFacilityLocation', label: facility.reason }] : [],
      billing,
      facility.required
        ? undefined
        : 'Needed only when your billing address differs from where you perform services',
    ),
  );

  return items;
}
