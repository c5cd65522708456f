import { registerEnumType } from '@nestjs/graphql';

/** What `search` can find; `kinds` narrows it. */
export enum SearchKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  WORKING_GROUP = 'WORKING_GROUP',
  PRIORITY = 'PRIORITY',
  PROPOSAL = 'PROPOSAL',
  MEETING = 'MEETING',
  CAPABILITY = 'CAPABILITY',
  RESOURCE_NEED = 'RESOURCE_NEED',
}

registerEnumType(SearchKind, {
  name: 'SearchKind',
  valuesMap: {
    // The marketplace lib adds their sources (libs/search/src/search-sources.ts); until then they find nothing.
    CAPABILITY: { description: 'Marketplace capabilities, found by title and description.' },
    RESOURCE_NEED: { description: 'Marketplace resource needs, found by title and description (never by the organisation of an anonymous one).' },
  },
});
