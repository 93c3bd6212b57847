import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginBody {
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @Length(1, 256)
  password: string;
}

export class RefreshBody {
  @IsString()
  @Length(10, 200)
  refreshToken: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}
