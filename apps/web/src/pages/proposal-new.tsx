import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';
import { ProposalFields, useFieldLabels, type ProposalValues } from '../ui/proposal-parts';

const NewProposalQuery = graphql(`
  query NewProposal($groupId: ID!, $hasGroup: Boolean!) {
    me {
      id
      organization {
        id
        name
      }
      participations {
        id
        role
        workingGroup {
          id
          name
          viewerCan {
            createProposal
          }
        }
      }
    }
    organizations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    groupPriorities: priorities(workingGroupId: $groupId) @include(if: $hasGroup) {
      id
      title
      status
    }
    alliancePriorities: priorities {
      id
      title
      status
    }
  }
`);

const CreateProposal = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      version
    }
  }
`);

/** Drafting a proposal in a working group (`?group=<id>`), as a participant other than an observer. */
export default function NewProposalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('group') ?? '';
  const [{ data, error }] = useQuery({ query: NewProposalQuery, variables: { groupId: groupId || '-', hasGroup: !!groupId } });
  const [values, setValues] = useState<ProposalValues>({ title: '', summary: '', body: '', kind: 'DATA_POOLING', confidentiality: 'WORKING_GROUP', priorityIds: [] });
  const [lead, setLead] = useState('');
  const [result, create] = useMutation(CreateProposal);
  const labels = useFieldLabels();

  if (!data) return <ErrorMessage error={error} />;
  const groups = data.me?.participations.filter((p) => p.workingGroup.viewerCan.createProposal).map((p) => p.workingGroup) ?? [];
  const priorities = [...(data.groupPriorities ?? []), ...data.alliancePriorities].filter((p) => p.status !== 'ARCHIVED');
  const myOrg = data.me?.organization.id ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create({
      input: { ...values, workingGroupId: groupId, leadOrganizationId: lead && lead !== myOrg ? lead : undefined, priorityIds: values.priorityIds },
    });
    if (answer.data) void navigate(`/proposals/${answer.data.createProposal.id}`);
  };

  return (
    <div className="proposal-form">
      <h1>{t('proposals.new.title')}</h1>
      <p>
        <Link to="/proposals">{t('proposals.backToList')}</Link>
      </p>
      <form className="form" onSubmit={submit}>
        <ErrorMessage reasons="proposals.reasons" error={result.error} labels={labels} />
        <label htmlFor="proposal-group">{labels.workingGroupId}</label>
        <select id="proposal-group" required value={groupId} onChange={(e) => setParams(e.target.value ? { group: e.target.value } : {}, { replace: true })}>
          <option value="">{t('proposals.new.chooseGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        {groups.length === 0 && <p className="meta">{t('proposals.new.noGroups')}</p>}
        <ProposalFields values={values} onChange={setValues} error={result.error} priorities={priorities} />
        <label htmlFor="proposal-lead">{labels.leadOrganizationId}</label>
        <select id="proposal-lead" value={lead || myOrg} onChange={(e) => setLead(e.target.value)} aria-describedby="proposal-lead-hint">
          {[...(data.me && !data.organizations.edges.some((e) => e.node.id === myOrg) ? [{ node: data.me.organization }] : []), ...data.organizations.edges].map(({ node: o }) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <p id="proposal-lead-hint" className="meta">
          {t('proposals.new.leadHint')}
        </p>
        <button type="submit" className="button primary" disabled={result.fetching || !groupId}>
          {t('proposals.new.create')}
        </button>
      </form>
    </div>
  );
}
