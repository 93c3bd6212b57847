import { Column, ValueTransformer } from 'typeorm';

/** bigint cents come back from pg as strings; amounts here stay far below 2^53. */
const cents: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** An amount in integer cents (bigint column). */
export const CentsColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'bigint', transformer: cents, ...options });

/** A `date` column read back as `YYYY-MM-DD` text. */
export const DateColumn = (options: { nullable?: boolean } = {}) => Column({ type: 'date', ...options });
