import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, 'fixtures');

/** A sample file copied from /work/shared/reference/x12-samples (licenses beside them). */
export function fixture(kind: '835' | '837p' | '277ca' | '999', name: string): string {
  return readFileSync(join(root, kind, name), 'utf8');
}

export function fixtureNames(kind: '835' | '837p' | '277ca' | '999'): string[] {
  return readdirSync(join(root, kind)).sort();
}
