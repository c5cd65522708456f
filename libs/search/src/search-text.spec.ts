import { InvalidInputError } from '@app/core';
import { parseSearchText, SEARCH_TEXT_MAX_LENGTH } from './search-text';

function refusal(text: string): { field?: string; reason: string } {
  try {
    parseSearchText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return { field: (error as InvalidInputError).field, reason: (error as InvalidInputError).reason };
  }
  throw new Error(`accepted ${JSON.stringify(text)}`);
}

describe(parseSearchText.name, () => {
  it('ANDs the words, each of two or more characters also as a prefix', () => {
    expect(parseSearchText('  Hamm  Fahrzeuge ')).toEqual({ words: ['Hamm', 'Fahrzeuge'], tsquery: 'Hamm:* & Fahrzeuge:*' });
    expect(parseSearchText('a b2').tsquery).toBe('a & b2:*');
  });

  it('reads operators, quotes and punctuation as separators, so the result always parses', () => {
    expect(parseSearchText(`a & | ! ( :* "x" O'Reilly foo:*bar`).tsquery).toBe('a & x & O & Reilly:* & foo:* & bar:*');
    expect(parseSearchText('x<->y \\ w:A').tsquery).toBe('x & y & w & A');
    for (const text of ['∑ ≠ x', '——x——', '😀 x', `${'&|!():*<>\'"\\'.repeat(10)}x`]) {
      expect(parseSearchText(text).tsquery).toMatch(/^[\p{L}\p{N}\p{M}]+(:\*)?( & [\p{L}\p{N}\p{M}]+(:\*)?)*$/u);
    }
  });

  it('keeps letters of every script, digits and accents, composed', () => {
    expect(parseSearchText('München ISO27001 中文').words).toEqual(['München', 'ISO27001', '中文']);
    expect(parseSearchText('Mu\u0308nchen').words).toEqual(['München']);
  });

  it('refuses a text without a word, a long one and one of many words, on "query"', () => {
    expect(refusal('')).toEqual({ field: 'query', reason: 'SEARCH_QUERY_EMPTY' });
    expect(refusal(' & | ! ')).toEqual({ field: 'query', reason: 'SEARCH_QUERY_EMPTY' });
    expect(refusal('x'.repeat(SEARCH_TEXT_MAX_LENGTH + 1))).toEqual({ field: 'query', reason: 'SEARCH_QUERY_TOO_LONG' });
    expect(refusal('a b c d e f g h i')).toEqual({ field: 'query', reason: 'SEARCH_QUERY_TOO_MANY_WORDS' });
    expect(parseSearchText('x'.repeat(SEARCH_TEXT_MAX_LENGTH)).words).toHaveLength(1);
    expect(parseSearchText('a b c d e f g h').words).toHaveLength(8);
  });
});
