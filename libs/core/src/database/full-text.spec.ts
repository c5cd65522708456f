import { searchDocumentExpression, searchQueryInBothLanguages } from './full-text';
import { compileSql } from './sql-fragment';

describe(searchDocumentExpression.name, () => {
  it('weights every field in both configurations, English first', () => {
    expect(searchDocumentExpression([['"title"', 'A'], [`coalesce("body", '')`, 'C']])).toBe(
      `setweight(to_tsvector('search_english'::regconfig, "title"), 'A') || setweight(to_tsvector('search_english'::regconfig, coalesce("body", '')), 'C') || ` +
        `setweight(to_tsvector('search_german'::regconfig, "title"), 'A') || setweight(to_tsvector('search_german'::regconfig, coalesce("body", '')), 'C')`,
    );
  });
});

describe(searchQueryInBothLanguages.name, () => {
  it('parses the text in both configurations, as parameters', () => {
    expect(compileSql(searchQueryInBothLanguages('websearch_to_tsquery', `"x" or y`))).toEqual({
      text: `(websearch_to_tsquery('search_english', $1) || websearch_to_tsquery('search_german', $2))`,
      values: ['"x" or y', '"x" or y'],
    });
  });
});
