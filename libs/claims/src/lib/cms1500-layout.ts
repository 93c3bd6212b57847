/**
 * The CMS-1500 (02/12) is printed for a 10-characters-per-inch, 6-lines-per-inch grid over the
 * whole US letter page: 85 columns by 66 lines. Every field here is a 1-based line and column of
 * that grid, so the data-only variant lands in the boxes of a red pre-printed form and the full
 * variant draws its boxes on the same grid. Printers differ by a few points: the renderer takes an
 * offset.
 */

export const GRID = { columnWidth: 7.2, lineHeight: 12, columns: 85, lines: 66 } as const;

export interface FieldPosition {
  readonly line: number;
  readonly col: number;
  /** Characters the box has room for; longer text is cut. */
  readonly width: number;
}

const at = (line: number, col: number, width: number): FieldPosition => ({ line, col, width });

/** Data positions, named after the form's boxes. Service lines add 2 lines per row (`SERVICE_ROW_STEP`). */
export const FIELDS = {
  page: at(2, 2, 20),
  carrierName: at(2, 50, 35),
  carrierLine1: at(3, 50, 35),
  carrierLine2: at(4, 50, 35),
  carrierCity: at(5, 50, 35),
  box1Medicare: at(8, 2, 1),
  box1Medicaid: at(8, 9, 1),
  box1Tricare: at(8, 16, 1),
  box1Champva: at(8, 25, 1),
  box1Group: at(8, 32, 1),
  box1Feca: at(8, 40, 1),
  box1Other: at(8, 46, 1),
  box1a: at(8, 50, 29),
  box2: at(10, 2, 28),
  box3Month: at(10, 31, 2),
  box3Day: at(10, 34, 2),
  box3Year: at(10, 37, 4),
  box3Male: at(10, 43, 1),
  box3Female: at(10, 47, 1),
  box4: at(10, 50, 29),
  box5Street: at(12, 2, 28),
  box6Self: at(12, 33, 1),
  box6Spouse: at(12, 38, 1),
  box6Child: at(12, 42, 1),
  box6Other: at(12, 47, 1),
  box7Street: at(12, 50, 29),
  box5City: at(14, 2, 23),
  box5State: at(14, 26, 3),
  box7City: at(14, 50, 23),
  box7State: at(14, 74, 3),
  box5Zip: at(16, 2, 12),
  box5Phone: at(16, 16, 14),
  box7Zip: at(16, 50, 12),
  box7Phone: at(16, 66, 14),
  box11: at(18, 50, 29),
  box10aYes: at(20, 35, 1),
  box10aNo: at(20, 41, 1),
  box11aMonth: at(20, 53, 2),
  box11aDay: at(20, 56, 2),
  box11aYear: at(20, 59, 4),
  box11aMale: at(20, 69, 1),
  box11aFemale: at(20, 76, 1),
  box10bYes: at(22, 35, 1),
  box10bNo: at(22, 41, 1),
  box10cYes: at(24, 35, 1),
  box10cNo: at(24, 41, 1),
  box11c: at(24, 50, 29),
  box12: at(30, 7, 24),
  box13: at(30, 56, 24),
  box21Indicator: at(37, 44, 1),
  box22Code: at(38, 50, 11),
  box22Original: at(38, 62, 18),
  box23: at(40, 50, 29),
  box25: at(56, 2, 14),
  box25Ssn: at(56, 17, 1),
  box25Ein: at(56, 19, 1),
  box26: at(56, 23, 14),
  box27Yes: at(56, 37, 1),
  box27No: at(56, 42, 1),
  box28Dollars: at(56, 51, 6),
  box28Cents: at(56, 58, 2),
  box29Dollars: at(56, 62, 6),
  box29Cents: at(56, 69, 2),
  box33Phone: at(57, 68, 14),
  box31Name: at(59, 2, 20),
  box31Credential: at(60, 2, 20),
  box31Date: at(61, 14, 8),
  box32Name: at(58, 23, 26),
  box32Street: at(59, 23, 26),
  box32City: at(60, 23, 26),
  box33Name: at(58, 50, 29),
  box33Street: at(59, 50, 29),
  box33City: at(60, 50, 29),
  box32a: at(62, 23, 10),
  box32b: at(62, 34, 14),
  box33a: at(62, 50, 10),
  box33b: at(62, 61, 17),
} as const satisfies Record<string, FieldPosition>;

export type FieldName = keyof typeof FIELDS;

/** Box 21 A–L: three rows of four. */
export const DIAGNOSIS_FIELDS: readonly FieldPosition[] = [38, 39, 40].flatMap((line) =>
  [3, 16, 29, 42].map((col) => at(line, col, 8)),
);

/** Box 24 on the first (unshaded) line of the first row; row n is `SERVICE_ROW_STEP * n` lines lower. */
export const SERVICE_FIELDS = {
  fromMonth: at(44, 1, 2),
  fromDay: at(44, 4, 2),
  fromYear: at(44, 7, 2),
  toMonth: at(44, 10, 2),
  toDay: at(44, 13, 2),
  toYear: at(44, 16, 2),
  placeOfService: at(44, 19, 2),
  emergency: at(44, 22, 2),
  procedure: at(44, 25, 6),
  modifier1: at(44, 32, 2),
  modifier2: at(44, 35, 2),
  modifier3: at(44, 38, 2),
  modifier4: at(44, 41, 2),
  pointer: at(44, 45, 4),
  chargeDollars: at(44, 50, 6),
  chargeCents: at(44, 57, 2),
  units: at(44, 60, 3),
  epsdt: at(44, 65, 1),
  qualifier: at(43, 66, 2),
  renderingTaxonomy: at(43, 69, 17),
  renderingNpi: at(44, 69, 10),
} as const satisfies Record<string, FieldPosition>;

export const SERVICE_ROW_STEP = 2;

/**
 * The boxes of the full variant: label, top line, left column, width in columns, height in lines.
 * The label sits in the top line; the data of most boxes in the line below.
 */
export const FORM_BOXES: ReadonlyArray<readonly [string, number, number, number, number]> = [
  ['1. MEDICARE   MEDICAID   TRICARE   CHAMPVA   GROUP HEALTH PLAN   FECA BLK LUNG   OTHER', 7, 1, 48, 2],
  ["1a. INSURED'S I.D. NUMBER (For Program in Item 1)", 7, 49, 37, 2],
  ["2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", 9, 1, 29, 2],
  ["3. PATIENT'S BIRTH DATE   SEX  M   F", 9, 30, 19, 2],
  ["4. INSURED'S NAME (Last Name, First Name, Middle Initial)", 9, 49, 37, 2],
  ["5. PATIENT'S ADDRESS (No., Street)", 11, 1, 29, 2],
  ['6. PATIENT RELATIONSHIP TO INSURED  Self Spouse Child Other', 11, 30, 19, 2],
  ["7. INSURED'S ADDRESS (No., Street)", 11, 49, 37, 2],
  ['CITY', 13, 1, 24, 2],
  ['STATE', 13, 25, 5, 2],
  ['8. RESERVED FOR NUCC USE', 13, 30, 19, 4],
  ['CITY', 13, 49, 24, 2],
  ['STATE', 13, 73, 13, 2],
  ['ZIP CODE', 15, 1, 13, 2],
  ['TELEPHONE (Include Area Code)', 15, 14, 16, 2],
  ['ZIP CODE', 15, 49, 16, 2],
  ['TELEPHONE (Include Area Code)', 15, 65, 21, 2],
  ["9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)", 17, 1, 29, 2],
  ["10. IS PATIENT'S CONDITION RELATED TO:", 17, 30, 19, 2],
  ["11. INSURED'S POLICY GROUP OR FECA NUMBER", 17, 49, 37, 2],
  ["a. OTHER INSURED'S POLICY OR GROUP NUMBER", 19, 1, 29, 2],
  ['a. EMPLOYMENT? (Current or Previous)  YES  NO', 19, 30, 19, 2],
  ["a. INSURED'S DATE OF BIRTH   SEX  M   F", 19, 49, 37, 2],
  ['b. RESERVED FOR NUCC USE', 21, 1, 29, 2],
  ['b. AUTO ACCIDENT?  YES  NO  PLACE (State)', 21, 30, 19, 2],
  ['b. OTHER CLAIM ID (Designated by NUCC)', 21, 49, 37, 2],
  ['c. RESERVED FOR NUCC USE', 23, 1, 29, 2],
  ['c. OTHER ACCIDENT?  YES  NO', 23, 30, 19, 2],
  ['c. INSURANCE PLAN NAME OR PROGRAM NAME', 23, 49, 37, 2],
  ['d. INSURANCE PLAN NAME OR PROGRAM NAME', 25, 1, 29, 2],
  ['10d. CLAIM CODES (Designated by NUCC)', 25, 30, 19, 2],
  ['d. IS THERE ANOTHER HEALTH BENEFIT PLAN?  YES  NO', 25, 49, 37, 2],
  ["12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE   SIGNED   DATE", 27, 1, 48, 4],
  ["13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE   SIGNED", 27, 49, 37, 4],
  ['14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)', 31, 1, 29, 2],
  ['15. OTHER DATE', 31, 30, 19, 2],
  ['16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION', 31, 49, 37, 2],
  ['17. NAME OF REFERRING PROVIDER OR OTHER SOURCE', 33, 1, 29, 2],
  ['17a. 17b. NPI', 33, 30, 19, 2],
  ['18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES', 33, 49, 37, 2],
  ['19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)', 35, 1, 48, 2],
  ['20. OUTSIDE LAB?   $ CHARGES', 35, 49, 37, 2],
  [
    '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)   ICD Ind.',
    37,
    1,
    48,
    4,
  ],
  ['22. RESUBMISSION CODE   ORIGINAL REF. NO.', 37, 49, 37, 2],
  ['23. PRIOR AUTHORIZATION NUMBER', 39, 49, 37, 2],
  ['24. A. DATE(S) OF SERVICE  From  To', 41, 1, 18, 2],
  ['B. PLACE OF SERVICE', 41, 19, 3, 2],
  ['C. EMG', 41, 22, 3, 2],
  ['D. PROCEDURES, SERVICES, OR SUPPLIES  CPT/HCPCS  MODIFIER', 41, 25, 19, 2],
  ['E. DIAGNOSIS POINTER', 41, 44, 5, 2],
  ['F. $ CHARGES', 41, 49, 11, 2],
  ['G. DAYS OR UNITS', 41, 60, 4, 2],
  ['H. EPSDT', 41, 64, 2, 2],
  ['I. ID. QUAL.', 41, 66, 3, 2],
  ['J. RENDERING PROVIDER ID. #', 41, 69, 17, 2],
  ['25. FEDERAL TAX I.D. NUMBER   SSN EIN', 55, 1, 21, 2],
  ["26. PATIENT'S ACCOUNT NO.", 55, 22, 14, 2],
  ['27. ACCEPT ASSIGNMENT?  YES  NO', 55, 36, 13, 2],
  ['28. TOTAL CHARGE', 55, 49, 11, 2],
  ['29. AMOUNT PAID', 55, 60, 11, 2],
  ['30. Rsvd for NUCC Use', 55, 71, 15, 2],
  ['31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS', 57, 1, 21, 6],
  ['32. SERVICE FACILITY LOCATION INFORMATION', 57, 22, 27, 4],
  ['33. BILLING PROVIDER INFO & PH #', 57, 49, 37, 4],
  ['32a. NPI', 61, 22, 11, 2],
  ['32b.', 61, 33, 16, 2],
  ['33a. NPI', 61, 49, 11, 2],
  ['33b.', 61, 60, 26, 2],
];
