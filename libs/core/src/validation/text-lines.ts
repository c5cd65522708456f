import { ValidateBy, ValidationOptions } from 'class-validator';

/** Names of the two rules, by which a test finds every text input that has neither. */
export const SINGLE_LINE_RULE = 'isSingleLine';
export const MULTI_LINE_RULE = 'isMultiLine';

// Control characters are what these two rules look for.
/** Line breaks (also U+2028 and U+2029), tabs and every other C0 or C1 control character, and DEL. */
// eslint-disable-next-line no-control-regex
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A single-line text (a name, a title, a place, a search): no line break and no control character.
 * Such values end up in one-line contexts (an email's subject or greeting, a calendar's SUMMARY, a
 * file name), where a line break would let a sender add lines of their own, such as a fake "Bcc:".
 * Anything but a string passes (the field's own type check reports it).
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: SINGLE_LINE_RULE,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !NOT_SINGLE_LINE.test(value),
        defaultMessage: (args) => `${args?.property ?? 'text'} must be a single line, without line breaks, tabs or control characters`,
      },
    },
    options,
  );
}

/** A multi-line text (a description, a body, minutes, a note): line breaks and tabs, no other control character. */
export function MultiLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: MULTI_LINE_RULE,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !NOT_TEXT.test(value),
        defaultMessage: (args) => `${args?.property ?? 'text'} must not contain control characters other than line breaks and tabs`,
      },
    },
    options,
  );
}
