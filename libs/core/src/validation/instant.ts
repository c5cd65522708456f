import { Type } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';

const EARLIEST = new Date('1970-01-01T00:00:00.000Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');

/**
 * A `DateTime` argument: a valid instant between 1970 and 9999 (a year PostgreSQL and ISO-8601
 * `toISOString()` both round-trip). The scalar turns unparseable text into an invalid Date, which is
 * refused here as BAD_USER_INPUT naming the field.
 */
export function IsInstant(): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    Type(() => Date)(target, property);
    IsDate({ message: `${name} must be an ISO-8601 date-time` })(target, property);
    MinDate(EARLIEST, { message: `${name} must be in 1970 or later` })(target, property);
    MaxDate(LATEST, { message: `${name} must be before the year 10000` })(target, property);
  };
}
