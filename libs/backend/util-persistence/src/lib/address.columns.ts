import { Column } from 'typeorm';
import type { AddressDto } from '@claimline/contracts/common';

/** A required US address, embedded in an entity (`@Column(() => AddressColumns, { prefix: 'address' })`). */
export class AddressColumns {
  @Column('text')
  line1: string;

  @Column('text', { nullable: true })
  line2: string | null;

  @Column('text')
  city: string;

  @Column('char', { length: 2 })
  state: string;

  @Column('text')
  zip: string;
}

/** An optional address: every column nullable; no `line1` means "none on file". */
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

export function addressFromColumns(a: AddressColumns): AddressDto {
  return { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), city: a.city, state: a.state, zip: a.zip };
}

/** The address on file, or null when there is none (or it is incomplete). */
export function optionalAddressFromColumns(a: OptionalAddressColumns | null | undefined): AddressDto | null {
  if (!a?.line1 || !a.city || !a.state || !a.zip) return null;
  return addressFromColumns({ line1: a.line1, line2: a.line2, city: a.city, state: a.state, zip: a.zip });
}

export function addressToColumns(address: AddressDto | null | undefined): OptionalAddressColumns {
  return {
    line1: address?.line1.trim() ?? null,
    line2: address?.line2?.trim() || null,
    city: address?.city.trim() ?? null,
    state: address?.state ?? null,
    zip: address?.zip ?? null,
  };
}
