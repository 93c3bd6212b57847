import type { MissingItem } from '@claimline/contracts/client-insurance';
import {
  INSURANCE_ORDERS,
  type BillingType,
  type InsuranceOrder,
  type RelationshipToInsured,
} from '@claimline/domain';

/** What the missing-info rules look at: presence only, never PHI values (member IDs stay encrypted). */
export interface ClientFacts {
  id: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  hasAddress: boolean;
  birthDate: string | null;
  sex: string | null;
  billingType: BillingType | null;
}

export interface PolicyFacts {
  order: InsuranceOrder;
  payerId: string | null;
  hasMemberId: boolean;
  relationship: RelationshipToInsured;
  /** A front image of the insurance card is on file (the `policy_card` read model of documents events). */
  hasCardFront: boolean;
  subscriber: {
    firstName: string | null;
    lastName: string | null;
    birthDate: string | null;
    sex: string | null;
    hasAddress: boolean;
  };
}

export interface MissingInfoFacts {
  client: ClientFacts;
  policies: PolicyFacts[];
}

export type MissingInfoRule = (facts: MissingInfoFacts) => MissingItem[];

export const profileRoute = (clientId: string) => `/clients/${clientId}/profile`;
export const insuranceRoute = (clientId: string) => `/clients/${clientId}/insurance`;

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

/** Client info tab: what every claim needs about the client, whatever the billing type. */
const profileRule: MissingInfoRule = ({ client }) => {
  const fixAt = profileRoute(client.id);
  const items: MissingItem[] = [];
  if (blank(client.firstName))
    items.push({
      field: 'firstName',
      message: 'First name as shown on the insurance card is missing',
      fixAt,
    });
  if (blank(client.lastName))
    items.push({ field: 'lastName', message: 'Last name as shown on the insurance card is missing', fixAt });
  if (blank(client.phone)) items.push({ field: 'phone', message: 'Phone number is missing', fixAt });
  if (!client.hasAddress) items.push({ field: 'address', message: 'Address is missing', fixAt });
  if (blank(client.birthDate)) items.push({ field: 'birthDate', message: 'Birth date is missing', fixAt });
  if (blank(client.sex))
    items.push({ field: 'sex', message: 'Sex (as the insurance plan has it) is missing', fixAt });
  return items;
};

const billingTypeRule: MissingInfoRule = ({ client }) =>
  client.billingType
    ? []
    : [
        {
          field: 'billingType',
          message: 'Billing type is not set: choose Insurance or Self-pay',
          fixAt: insuranceRoute(client.id),
        },
      ];

/** Billing and insurance tab: only for Insurance clients; Self-pay clients need none of it. */
const insuranceRule: MissingInfoRule = ({ client, policies }) => {
  if (client.billingType !== 'insurance') return [];
  const fixAt = insuranceRoute(client.id);
  const items: MissingItem[] = [];
  const byOrder = [...policies].sort(
    (a, b) => INSURANCE_ORDERS.indexOf(a.order) - INSURANCE_ORDERS.indexOf(b.order),
  );
  if (!byOrder.some((p) => p.order === 'primary')) {
    items.push({
      field: 'insurance.primary',
      message: 'Primary insurance is missing: add the insurance company and member ID',
      fixAt,
    });
  }
  for (const p of byOrder) {
    const at = `insurance.${p.order}`;
    const label = `${p.order[0].toUpperCase()}${p.order.slice(1)} insurance`;
    if (!p.payerId)
      items.push({
        field: `${at}.payer`,
        message: `${label}: the insurance company (payer) is missing`,
        fixAt,
      });
    if (!p.hasMemberId)
      items.push({ field: `${at}.memberId`, message: `${label}: the member ID is missing`, fixAt });
    if (p.relationship !== 'self') {
      const s = p.subscriber;
      const who = `${label}: the primary insured’s`;
      if (blank(s.firstName))
        items.push({ field: `${at}.subscriber.firstName`, message: `${who} first name is missing`, fixAt });
      if (blank(s.lastName))
        items.push({ field: `${at}.subscriber.lastName`, message: `${who} last name is missing`, fixAt });
      if (blank(s.birthDate))
        items.push({ field: `${at}.subscriber.birthDate`, message: `${who} birth date is missing`, fixAt });
      if (blank(s.sex))
        items.push({ field: `${at}.subscriber.sex`, message: `${who} sex is missing`, fixAt });
      if (!s.hasAddress)
        items.push({ field: `${at}.subscriber.address`, message: `${who} address is missing`, fixAt });
    }
    // The getting-started guide asks for the front of the card only; a back is kept and shown when uploaded.
    if (!p.hasCardFront)
      items.push({
        field: `${at}.card`,
        message: `${label}: the insurance card (front) is not on file`,
        fixAt,
      });
  }
  return items;
};

export const MISSING_INFO_RULES: readonly MissingInfoRule[] = [profileRule, billingTypeRule, insuranceRule];

export function missingInfo(
  facts: MissingInfoFacts,
  rules: readonly MissingInfoRule[] = MISSING_INFO_RULES,
): MissingItem[] {
  return rules.flatMap((rule) => rule(facts));
}
