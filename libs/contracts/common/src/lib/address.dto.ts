import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export const US_STATE_PATTERN =
  /^(A[KLRZS]|C[AOT]|D[CE]|FL|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEINOPST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])$/;

export class AddressDto {
  @IsString()
  @Length(1, 55)
  line1: string;

  @IsOptional()
  @IsString()
  @MaxLength(55)
  line2?: string;

  @IsString()
  @Length(1, 30)
  city: string;

  @Matches(US_STATE_PATTERN, { message: 'state must be a two-letter US state or territory code' })
  state: string;

  @Matches(/^\d{5}(-?\d{4})?$/, { message: 'zip must be a ZIP code (12345) or ZIP+4 (12345-6789)' })
  zip: string;
}
