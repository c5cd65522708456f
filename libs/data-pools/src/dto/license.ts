import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { SingleLine } from '@app/core';

// The SPDX License List's ids as JSON arrays (the package ships no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spdxIds = require('spdx-license-ids') as string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deprecatedSpdxIds = require('spdx-license-ids/deprecated.json') as string[];

/** The licence of data no open licence covers; SPDX's LicenseRef- prefix marks a licence outside its list. */
export const PROPRIETARY_LICENSE = 'LicenseRef-proprietary';

/** SPDX licence ids (the current list and the deprecated ids, still valid in old documents), by lower case. */
const CANONICAL = new Map<string, string>([...deprecatedSpdxIds, ...spdxIds, PROPRIETARY_LICENSE].map((id) => [id.toLowerCase(), id]));

/** The id in SPDX's own case (`cc-by-4.0` -> `CC-BY-4.0`), or null when it is not an SPDX licence id nor LicenseRef-proprietary. */
export function canonicalLicense(value: string): string | null {
  return CANONICAL.get(value.trim().toLowerCase()) ?? null;
}

/** An SPDX licence id (any case; stored in SPDX's case), or LicenseRef-proprietary. */
export function IsLicense(): PropertyDecorator {
  return applyDecorators(
    SingleLine(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (canonicalLicense(value) ?? value) : value)),
    ValidateBy({
      name: 'isSpdxLicense',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && canonicalLicense(value) === value,
        defaultMessage: () => `license must be an SPDX licence id such as CC-BY-4.0, or ${PROPRIETARY_LICENSE}`,
      },
    }),
  );
}
