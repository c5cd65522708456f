import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Confidentiality } from '../../gql/graphql';
import { ErrorMessage, fieldProblem } from '../../ui/errors';
import { instantOf, useViewer } from '../marketplace/shared';
import { DEFAULT_TERMS, TermsFields, termsInputOf, useTermsLabels, type TermsValues } from './terms-fields';

/** The groups where the viewer may create a pool: the API's `viewerCan.createDataPool`, the rule `createDataPool` applies. */
const PoolGroupsQuery = graphql(`
  query NewDataPoolGroups {
    workingGroups {
      id
      name
      viewerCan {
        createDataPool
      }
    }
  }
`);

const PoolingProposalsQuery = graphql(`
  query NewDataPoolProposals($groupId: ID!) {
    proposals(first: 100, filter: { workingGroupId: $groupId, kinds: [DATA_POOLING] }) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const StewardSearchQuery = graphql(`
  query NewDataPoolStewards($search: String!) {
    organizations(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const CreatePool = graphql(`
  mutation CreateDataPool($input: CreateDataPoolInput!) {
    createDataPool(input: $input) {
      id
    }
  }
`);

/** A pool is WORKING_GROUP or PARTIES (the API refuses the others). */
const POOL_CONFIDENTIALITIES: Confidentiality[] = ['PARTIES', 'WORKING_GROUP'];

interface PoolValues {
  workingGroupId: string;
  proposalId: string;
  title: string;
  purpose: string;
  /** Empty: the creator's organisation (only admins name another). */
  stewardOrganizationId: string;
  confidentiality: Confidentiality;
  validFrom: string;
  validUntil: string;
  terms: TermsValues;
}

/** `/data-pools/new`: every field of CreateDataPoolInput; on success the new DRAFT pool opens. */
export default function NewDataPoolPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: PoolGroupsQuery });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage reasons="dataPools.errorReasons" error={error} />;
  const groups = data.workingGroups.filter((g) => g.viewerCan.createDataPool);
  if (groups.length === 0) {
    return (
      <div>
        <h1>{t('dataPools.form.heading')}</h1>
        <p>{t('dataPools.form.notAllowed')}</p>
        <Link to="/data-pools">{t('dataPools.title')}</Link>
      </div>
    );
  }
  return <PoolForm groups={groups} />;
}

function PoolForm({ groups }: { groups: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, isAdmin } = useViewer();
  const termsLabels = useTermsLabels();
  const [v, setV] = useState<PoolValues>({
    workingGroupId: groups[0].id,
    proposalId: '',
    title: '',
    purpose: '',
    stewardOrganizationId: '',
    confidentiality: 'PARTIES',
    validFrom: '',
    validUntil: '',
    terms: DEFAULT_TERMS,
  });
  const [{ data: proposals }] = useQuery({ query: PoolingProposalsQuery, variables: { groupId: v.workingGroupId } });
  const [result, create] = useMutation(CreatePool);
  const labels: Record<string, string> = {
    ...termsLabels,
    workingGroupId: t('dataPools.group'),
    proposalId: t('dataPools.form.proposal'),
    title: t('dataPools.form.title'),
    purpose: t('dataPools.form.purpose'),
    stewardOrganizationId: t('dataPools.steward'),
    confidentiality: t('dataPools.form.confidentiality'),
    validFrom: t('dataPools.form.validFrom'),
    validUntil: t('dataPools.form.validUntil'),
  };
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({
      input: {
        workingGroupId: v.workingGroupId,
        proposalId: v.proposalId || null,
        title: v.title,
        purpose: v.purpose,
        stewardOrganizationId: v.stewardOrganizationId || null,
        confidentiality: v.confidentiality,
        terms: termsInputOf(v.terms),
        validFrom: instantOf(v.validFrom),
        validUntil: instantOf(v.validUntil),
      },
    }).then((answer) => {
      if (answer.data) void navigate(`/data-pools/${answer.data.createDataPool.id}`);
    });
  };
  return (
    <div>
      <p className="meta">
        <Link to="/data-pools">{t('dataPools.title')}</Link>
      </p>
      <h1>{t('dataPools.form.heading')}</h1>
      <p>{t('dataPools.form.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage reasons="dataPools.errorReasons" error={result.error} labels={labels} />
        <label htmlFor="pool-group">{labels.workingGroupId}</label>
        <select id="pool-group" value={v.workingGroupId} aria-invalid={invalid('workingGroupId')} onChange={(e) => setV({ ...v, workingGroupId: e.target.value, proposalId: '' })}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <label htmlFor="pool-proposal">{labels.proposalId}</label>
        <select id="pool-proposal" value={v.proposalId} aria-invalid={invalid('proposalId')} aria-describedby="pool-proposal-hint" onChange={(e) => setV({ ...v, proposalId: e.target.value })}>
          <option value="">{t('dataPools.form.noProposal')}</option>
          {proposals?.proposals.edges.map(({ node: p }) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <p className="meta" id="pool-proposal-hint">
          {t('dataPools.form.proposalHint')}
        </p>
        <label htmlFor="pool-title">{labels.title}</label>
        <input id="pool-title" required value={v.title} aria-invalid={invalid('title')} onChange={(e) => setV({ ...v, title: e.target.value })} />
        <label htmlFor="pool-purpose">{labels.purpose}</label>
        <textarea id="pool-purpose" required value={v.purpose} aria-invalid={invalid('purpose')} onChange={(e) => setV({ ...v, purpose: e.target.value })} />
        {isAdmin ? (
          <StewardChoice value={v.stewardOrganizationId} own={me?.organization.name ?? ''} invalid={invalid('stewardOrganizationId')} onChange={(id) => setV({ ...v, stewardOrganizationId: id })} />
        ) : (
          <p>
            {labels.stewardOrganizationId}: <strong>{me?.organization.name}</strong> <span className="meta">{t('dataPools.form.stewardOwn')}</span>
          </p>
        )}
        <label htmlFor="pool-confidentiality">{labels.confidentiality}</label>
        <select id="pool-confidentiality" value={v.confidentiality} aria-invalid={invalid('confidentiality')} onChange={(e) => setV({ ...v, confidentiality: e.target.value as Confidentiality })}>
          {POOL_CONFIDENTIALITIES.map((c) => (
            <option key={c} value={c}>
              {t(`dataPools.confidentialities.${c}`)}
            </option>
          ))}
        </select>
        <label htmlFor="pool-valid-from">{labels.validFrom}</label>
        <input id="pool-valid-from" type="date" value={v.validFrom} aria-invalid={invalid('validFrom')} onChange={(e) => setV({ ...v, validFrom: e.target.value })} />
        <label htmlFor="pool-valid-until">{labels.validUntil}</label>
        <input id="pool-valid-until" type="date" value={v.validUntil} aria-invalid={invalid('validUntil')} aria-describedby="pool-valid-until-hint" onChange={(e) => setV({ ...v, validUntil: e.target.value })} />
        <p className="meta" id="pool-valid-until-hint">
          {t('dataPools.form.validUntilHint')}
        </p>
        <h2>{t('dataPools.form.termsHeading')}</h2>
        <TermsFields idPrefix="pool-terms" values={v.terms} onChange={(terms) => setV({ ...v, terms })} error={result.error} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={result.fetching}>
            {t('dataPools.form.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Admins may name another organisation as the steward, found by name; empty keeps their own. */
function StewardChoice({ value, own, invalid, onChange }: { value: string; own: string; invalid: boolean; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: StewardSearchQuery, variables: { search: search.trim() }, pause: search.trim().length < 2 });
  const found = search.trim().length < 2 ? [] : (data?.organizations.edges.map((e) => e.node) ?? []);
  return (
    <>
      <label htmlFor="pool-steward-search">{t('dataPools.findOrganization')}</label>
      <input id="pool-steward-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <label htmlFor="pool-steward">{t('dataPools.steward')}</label>
      <select id="pool-steward" value={value} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('dataPools.form.stewardMine', { organization: own })}</option>
        {found.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}
