import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { pathOf } from '../ui/links';

const SearchQuery = graphql(`
  query Search($query: String!, $after: String) {
    search(query: $query, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          kind
          snippet
          node {
            __typename
            ... on CooperationProposal { id title }
            ... on Meeting { id title }
            ... on WorkingGroup { id name }
            ... on DataPool { id title }
            ... on Dataset { id title pool { id } }
            ... on ResourceNeed { id title }
            ... on Capability { id title }
            ... on Organization { id name }
            ... on Person { id name }
            ... on Priority { id title }
          }
        }
      }
    }
  }
`);

/** The API's `search` across every kind, hits in the order it ranks them, snippets highlighted by the API. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const [{ data, error, fetching }] = useQuery({ query: SearchQuery, variables: { query }, pause: !query });
  return (
    <div>
      <h1>{t('search.title', { query })}</h1>
      <ErrorMessage error={error} />
      {fetching && !data && <p role="status">{t('common.loading')}</p>}
      {data && (
        <>
          <p role="status">{t('search.count', { count: data.search.totalCount })}</p>
          <ol className="hits">
            {data.search.edges.map(({ node: hit }, i) => {
              const target = hit.node;
              const label = 'title' in target ? target.title : 'name' in target ? target.name : '';
              return (
                <li key={i}>
                  <span className="tag">{t(`kinds.${hit.kind}`)}</span> <Link to={pathOf(target as { __typename?: string; id: string })}>{label}</Link>
                  {hit.snippet && <Snippet text={hit.snippet} />}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}

/** The API marks matched words between « and »; they are highlighted here, the rest stays plain text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«([^»]*)»/);
  return <p className="snippet">{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</p>;
}
