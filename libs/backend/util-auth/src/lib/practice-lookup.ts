/** Whether a practice exists, for the practice scope check of `@Authorize({ practice })`. */
export interface PracticeLookup {
  exists(practiceId: string): Promise<boolean>;
}

export const PRACTICE_LOOKUP = Symbol('PRACTICE_LOOKUP');
