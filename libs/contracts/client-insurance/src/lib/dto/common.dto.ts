/** Something the user should look at, without blocking the change (e.g. a non-local BCBS plan). */
export interface Warning {
  code: string;
  message: string;
}
