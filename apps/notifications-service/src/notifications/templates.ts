/**
 * E-mail templates: plain functions from a small, explicit context to subject, text and HTML.
 * A context holds only what the e-mail may say — never client names, member IDs, diagnoses or
 * free text from the triggering event — and every value is HTML-escaped in the HTML part.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailTemplate<C> {
  /** Stable name, recorded on each e-mail row. */
  name: string;
  render(context: C): RenderedEmail;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Strips line breaks (header injection) and trims a value placed in a subject line. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** The common frame: greeting, one paragraph, a button to the console, and why they got it. */
export function layout(input: {
  practiceName: string;
  lines: string[];
  linkText: string;
  link: string;
  why: string;
}): { text: string; html: string } {
  const text = [
    `Hello ${input.practiceName},`,
    '',
    ...input.lines,
    '',
    `${input.linkText}: ${input.link}`,
    '',
    '—',
    input.why,
    'For your clients’ privacy this e-mail never includes client details; sign in to see them.',
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
<p>Hello ${escapeHtml(input.practiceName)},</p>
${input.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 8px 16px; background: #1f6feb; color: #fff; text-decoration: none; border-radius: 4px">${escapeHtml(input.linkText)}</a></p>
<hr style="border: none; border-top: 1px solid #e4e7eb">
<p style="font-size: 12px; color: #616e7c">${escapeHtml(input.why)}<br>For your clients’ privacy this e-mail never includes client details; sign in to see them.</p>
</body></html>`;
  return { text, html };
}
