import { Column } from 'typeorm';
import type { AddressDto } from '@claimline/contracts/common';

/** An optional address: every column null when there is none. */
export class OptionalAddressColumns {
  @Column('text', { nullable: true })
  line1: string | null;

  @Column('text', { nullable: true })
  line2: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  @Column('char', { length: 2, nullable: true })
  state: string | null;

  @Column('text', { nullable: true })
  zip: string | null;
}

export function toAddressColumns(address: AddressDto | null | undefined): OptionalAddressColumns {
  return {
    line1: address?.line1.trim() ?? null,
    line2: address?.line2?.trim() || null,
    city: address?.city.trim() ?? null,
    state: address?.state ?? null,
    zip: address?.zip ?? null,
  };
}

export function toAddressView(a: OptionalAddressColumns | null | undefined): AddressDto | null {
  if (!a?.line1 || !a.city || !a.state || !a.zip) return null;
  return { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), city: a.city, state: a.state, zip: a.zip };
}
