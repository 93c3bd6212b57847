import { parseMemberId } from './member-id';

describe('parseMemberId', () => {
  it.each([
    ['W123 456-789', 'W123456789'],
    ['xyz 123 45 678', 'XYZ12345678'],
    ['1EG4-TE5-MK73', '1EG4TE5MK73'],
    ['AB', 'AB'],
  ])('normalises %j to %s', (input, id) => expect(parseMemberId(input)).toEqual({ ok: true, value: id }));

  it('names the characters to remove', () =>
    expect(parseMemberId('W123*456/7')).toEqual({
      ok: false,
      problems: [
        {
          code: 'member_id.characters',
          message: 'Member ID W123*456/7 may contain only letters and digits; remove "*", "/"',
        },
      ],
    }));

  it.each([
    ['', 'member_id.missing'],
    [' - ', 'member_id.missing'],
    ['A', 'member_id.length'],
    ['A'.repeat(31), 'member_id.length'],
    ['Müller1', 'member_id.characters'],
  ])('refuses %j with %s', (input, code) =>
    expect(parseMemberId(input)).toMatchObject({ ok: false, problems: [{ code }] }),
  );

  it('says when the member ID is missing', () =>
    expect(parseMemberId('')).toEqual({
      ok: false,
      problems: [{ code: 'member_id.missing', message: "Client's member ID is missing" }],
    }));
});
