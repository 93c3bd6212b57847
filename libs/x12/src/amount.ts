const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses an X12 decimal (R type) into integer cents using string arithmetic only.
 * Returns undefined when the text is not a decimal or has non-zero digits beyond cents.
 */
export function parseCents(text: string): number | undefined {
  // fast path for the common shapes 123, 123.4, 123.45
  const n = text.length;
  if (n > 0 && n < 16) {
    let whole = 0;
    let i = 0;
    let c = text.charCodeAt(0);
    while (i < n && c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (i === n && n > 0) return whole * 100;
    if (i > 0 && c === 46 && n - i <= 3) {
      let frac = 0;
      let digits = 0;
      for (let j = i + 1; j < n; j++) {
        const d = text.charCodeAt(j) - 48;
        if (d < 0 || d > 9) return parseSlow(text);
        frac = frac * 10 + d;
        digits++;
      }
      return whole * 100 + (digits === 1 ? frac * 10 : frac);
    }
  }
  return parseSlow(text);
}

function parseSlow(text: string): number | undefined {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return undefined;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const cents = whole * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return undefined;
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/** Formats integer cents the way the guides want: no trailing zeros beyond need (100.5, 100, 0.05, -9). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be integer cents, got ${cents}`);
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const sign = cents < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Formats a quantity (units) without float noise: at most 3 decimals, trailing zeros dropped. */
export function formatQuantity(q: number): string {
  const thousandths = Math.round(q * 1000);
  const whole = Math.trunc(thousandths / 1000);
  const frac = Math.abs(thousandths % 1000);
  if (frac === 0) return `${whole}`;
  return `${thousandths < 0 && whole === 0 ? '-' : ''}${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}
