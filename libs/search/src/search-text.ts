import { InvalidInputError } from '@app/core';

/** The longest search text, in characters. */
export const SEARCH_TEXT_MAX_LENGTH = 200;
/** The most words a search text may hold: each is one more condition on every searchable row. */
export const SEARCH_TEXT_MAX_WORDS = 8;

/** A word: letters, digits and combining marks; anything else (operators, quotes, punctuation) separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export interface SearchText {
  words: string[];
  /**
   * The `to_tsquery` text: the words AND-ed, each of two or more characters also as a prefix
   * (`hamm:* & fahrzeug:*`). It holds only words and the operators put here, so it always parses.
   */
  tsquery: string;
}

/**
 * What a person typed, as words to look for. Everything but letters and digits separates words, so no
 * input is a syntax error (`a & | ! ( :*` is the word `a`); an input without a word, or too long, is
 * BAD_USER_INPUT on `query`.
 */
export function parseSearchText(text: string): SearchText {
  if (text.length > SEARCH_TEXT_MAX_LENGTH) {
    throw new InvalidInputError('query', `query must be at most ${SEARCH_TEXT_MAX_LENGTH} characters`, 'SEARCH_QUERY_TOO_LONG');
  }
  // Composed form, so that an accent typed as a combining mark stays part of its letter for unaccent.
  const words = text.normalize('NFC').match(WORD) ?? [];
  if (words.length === 0) {
    throw new InvalidInputError('query', 'query must contain a word (letters or digits)', 'SEARCH_QUERY_EMPTY');
  }
  if (words.length > SEARCH_TEXT_MAX_WORDS) {
    throw new InvalidInputError('query', `query must have at most ${SEARCH_TEXT_MAX_WORDS} words`, 'SEARCH_QUERY_TOO_MANY_WORDS');
  }
  // A one-letter prefix would match a large share of every table; single letters match only themselves.
  return { words, tsquery: words.map((word) => (word.length >= 2 ? `${word}:*` : word)).join(' & ') };
}
