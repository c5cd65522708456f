import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2 } from 'class-validator';
import { SingleLine } from '@app/core';

const upper = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/**
 * An ISO 3166-1 alpha-2 code of any country (class-validator's list of every officially assigned code, not
 * only European ones), accepted in any case and stored upper-case; `each` for a list of them.
 */
export function IsCountryCode(field: string, options: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    SingleLine({ each: options.each }),
    Transform(({ value }: { value: unknown }) => (options.each && Array.isArray(value) ? value.map(upper) : upper(value))),
    IsISO31661Alpha2({ each: options.each, message: `${field} must hold ISO 3166-1 alpha-2 country codes such as DE` }),
  );
}
