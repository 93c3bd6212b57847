import { formatPhone, parseEmail, parsePhone } from './contact';

describe('parsePhone', () => {
  it.each([
    '(555) 123-4567',
    '555.123.4567',
    '+1 555 123 4567',
    '555-123-4567',
    '5551234567',
    '1-555-123-4567',
    '+15551234567',
  ])('reads %j as 5551234567', (input) =>
    expect(parsePhone(input)).toEqual({ ok: true, value: '5551234567' }),
  );

  it.each([
    ['', 'phone.missing'],
    ['555-1234', 'phone.length'],
    ['555 123 45678', 'phone.length'],
    ['+44 20 7946 0958', 'phone.country'],
    ['(055) 123-4567', 'phone.area_code'],
    ['155-123-4567', 'phone.area_code'],
    ['555-123-4567 x12', 'phone.characters'],
    ['call me', 'phone.characters'],
  ])('refuses %j with %s', (input, code) =>
    expect(parsePhone(input)).toMatchObject({ ok: false, problems: [{ code }] }),
  );

  it('formats 10 digits', () => expect(formatPhone('5551234567')).toBe('(555) 123-4567'));
});

describe('parseEmail', () => {
  it.each([
    ['jane@example.com', 'jane@example.com'],
    [' Jane.Doe+billing@Example.COM ', 'Jane.Doe+billing@example.com'],
    ['a@mail.example-clinic.org', 'a@mail.example-clinic.org'],
  ])('accepts %j', (input, email) => expect(parseEmail(input)).toEqual({ ok: true, value: email }));

  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@@example.com',
    'ja ne@example.com',
    'jane@exa_mple.com',
    'jane@-example.com',
    'jane..doe@example.com',
    'jane@example.c0m',
  ])('refuses %j', (input) => expect(parseEmail(input).ok).toBe(false));
});
