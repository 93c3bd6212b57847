/**
 * A count with its noun, in the singular for one: `plural(1, 'client')` is "1 client",
 * `plural(3, 'client')` "3 clients". Give the plural when it is not the noun plus "s"
 * (`plural(n, 'team member has', 'team members have')`). Every count the console shows goes
 * through here, so none reads "1 clients".
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
