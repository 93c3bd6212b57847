import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Any UUID version, as `ParseUUIDPipe` accepts by default. */
export const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/** Path ids are UUIDs; a malformed one cannot name a record, so it answers like a missing one. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new NotFoundException('No record has this id'),
});
