import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids are UUIDs; a malformed one cannot name a record, so it answers like a missing one. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new NotFoundException('No record has this id'),
});
