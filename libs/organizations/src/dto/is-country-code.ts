import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2 } from 'class-validator';

/** An ISO 3166-1 alpha-2 country code, accepted in any case and stored upper-case (`de` → `DE`). */
export function IsCountryCode(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' }),
  );
}
