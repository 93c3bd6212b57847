/**
 * The fee schedule's lookup key of a set of modifiers. Modifier order matters on a claim (the
 * payer reads the first as the pricing modifier) but not for what the practice charges, so
 * `95 HO` and `HO 95` find the same fee.
 */
export function modifierKey(modifiers: readonly string[]): string {
  return [...modifiers]
    .map((m) => m.toUpperCase())
    .sort()
    .join('+');
}
