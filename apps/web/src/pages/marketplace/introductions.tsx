import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { IntroductionFieldsFragment, IntroductionState } from '../../gql/graphql';
import { formatDateTime } from '../../ui/format';
import { useViewer } from './shared';
import { ErrorMessage } from '../../ui/errors';

export const IntroductionFields = graphql(`
  fragment IntroductionFields on Introduction {
    id
    state
    viewerCan {
      accept
      decline
      withdraw
      startProposal
    }
    message
    answerNote
    createdAt
    answeredAt
    requestedBy {
      id
      name
    }
    answeredBy {
      id
      name
    }
    contacts {
      id
      name
      email
      organization {
        id
        name
      }
    }
    proposal {
      id
      title
    }
    need {
      id
      title
      anonymous
      organization {
        id
        name
      }
    }
    capability {
      id
      title
      organization {
        id
        name
      }
    }
  }
`);

const MyIntroductionsQuery = graphql(`
  query MyIntroductions {
    myIntroductions {
      ...IntroductionFields
    }
  }
`);

const IntroductionQuery = graphql(`
  query IntroductionDetail($id: ID!) {
    introduction(id: $id) {
      ...IntroductionFields
    }
  }
`);

const ChangeIntroduction = graphql(`
  mutation ChangeIntroductionState($id: ID!, $state: IntroductionState!, $note: String) {
    changeIntroductionState(id: $id, state: $state, note: $note) {
      ...IntroductionFields
    }
  }
`);

const StartProposal = graphql(`
  mutation StartProposalFromIntroduction($id: ID!, $workingGroupId: ID!) {
    startProposalFromIntroduction(id: $id, workingGroupId: $workingGroupId) {
      id
      title
    }
  }
`);

/**
 * One introduction and what the viewer may do with it: the provider's people accept or decline a request,
 * the need's people withdraw it, and start the draft proposal from an accepted one (in a group where they
 * hold a seat other than observer). Whatever the browser offers, the API decides; its refusals are shown.
 */
export function IntroductionCard({ introduction: i, headingLevel = 3 }: { introduction: IntroductionFieldsFragment; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { proposalGroups: seats } = useViewer();
  const [note, setNote] = useState('');
  const [changed, change] = useMutation(ChangeIntroduction);
  const [started, start] = useMutation(StartProposal);
  const [group, setGroup] = useState('');
  const chosenGroup = group || seats[0]?.id || '';
  // What the API's viewerCan allows (decision 245): the provider's people answer, the need's people withdraw and start the proposal.
  const can = i.viewerCan;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const move = (state: IntroductionState) => void change({ id: i.id, state, note: note.trim() || null });
  const noteId = `intro-note-${i.id}`;
  const groupId = `intro-group-${i.id}`;

  return (
    <article className="card introduction" aria-labelledby={`intro-${i.id}`}>
      <Heading id={`intro-${i.id}`}>
        <Link to={`/resource-needs/${i.need.id}`}>{i.need.title}</Link> ↔ <Link to={`/capabilities/${i.capability.id}`}>{i.capability.title}</Link>
      </Heading>
      <p>
        <span className="tag" data-testid="introduction-state">
          {t(`marketplace.introStates.${i.state}`)}
        </span>{' '}
        <span className="meta">
          {t('marketplace.askedBy', {
            who: i.requestedBy?.name ?? t('marketplace.anonymousMember'),
            organization: i.need.organization?.name ?? t('marketplace.anonymousMember'),
            date: formatDateTime(i.createdAt),
          })}
          {' · '}
          {t('marketplace.providerIs', { organization: i.capability.organization.name })}
        </span>
      </p>
      {i.message && (
        <blockquote className="prose">
          <span className="visually-hidden">{t('marketplace.message')}: </span>
          {i.message}
        </blockquote>
      )}
      {i.answeredAt && (
        <p className="meta">
          {t('marketplace.answered', { who: i.answeredBy?.name ?? t('marketplace.anonymousMember'), date: formatDateTime(i.answeredAt) })}
          {i.answerNote && `: ${i.answerNote}`}
        </p>
      )}
      {i.contacts && i.contacts.length > 0 && (
        <div>
          <Sub>{t('marketplace.contacts')}</Sub>
          <ul className="list">
            {i.contacts.map((p) => (
              <li key={p.id}>
                {p.name} <span className="meta">{p.organization.name}</span> {p.email && <a href={`mailto:${p.email}`}>{p.email}</a>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage reasons="marketplace.errorReasons" error={changed.error ?? started.error} labels={{ note: t('marketplace.note'), workingGroupId: t('marketplace.field.workingGroup') }} />
      {(can.accept || can.decline || can.withdraw) && (
        <div className="form">
          <label htmlFor={noteId}>{t('marketplace.note')}</label>
          <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="actions">
            {can.accept && (
              <button type="button" className="button primary" disabled={changed.fetching} onClick={() => move('ACCEPTED')}>
                {t('marketplace.accept')}
              </button>
            )}
            {can.decline && (
              <button type="button" className="button subtle" disabled={changed.fetching} onClick={() => move('DECLINED')}>
                {t('marketplace.decline')}
              </button>
            )}
            {can.withdraw && (
              <button type="button" className="button subtle" disabled={changed.fetching} onClick={() => move('WITHDRAWN')}>
                {t('marketplace.withdraw')}
              </button>
            )}
          </div>
        </div>
      )}
      {i.proposal && (
        <p>
          {t('marketplace.proposalStarted')} <Link to={`/proposals/${i.proposal.id}`}>{i.proposal.title}</Link>
        </p>
      )}
      {can.startProposal && (
        <div className="form">
          {seats.length > 0 ? (
            <>
              <label htmlFor={groupId}>{t('marketplace.field.workingGroup')}</label>
              <select id={groupId} value={chosenGroup} onChange={(e) => setGroup(e.target.value)}>
                {seats.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button primary"
                disabled={started.fetching}
                onClick={() =>
                  void start({ id: i.id, workingGroupId: chosenGroup }).then((answer) => {
                    if (answer.data) void navigate(`/proposals/${answer.data.startProposalFromIntroduction.id}`);
                  })
                }
              >
                {t('marketplace.startProposal')}
              </button>
            </>
          ) : (
            <p className="meta">{t('marketplace.needSeat')}</p>
          )}
        </div>
      )}
    </article>
  );
}

/** The introductions the viewer's organisation asked for or was asked for. */
export default function IntroductionsPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: MyIntroductionsQuery });
  return (
    <div>
      <p className="meta">
        <Link to="/marketplace">{t('marketplace.title')}</Link>
      </p>
      <h1>{t('marketplace.introductions')}</h1>
      <ErrorMessage reasons="marketplace.errorReasons" error={error} />
      {!data && fetching && <p role="status">{t('common.loading')}</p>}
      {data && data.myIntroductions.length === 0 && <p>{t('marketplace.noIntroductions')}</p>}
      {data?.myIntroductions.map((i) => (
        <IntroductionCard key={i.id} introduction={i} headingLevel={2} />
      ))}
    </div>
  );
}

/** `/introductions/:id`, the link the platform writes into notifications. */
export function IntroductionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: IntroductionQuery, variables: { id } });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage reasons="marketplace.errorReasons" error={error} />;
  return (
    <div>
      <p className="meta">
        <Link to="/introductions">{t('marketplace.introductions')}</Link>
      </p>
      <h1>{t('marketplace.introduction')}</h1>
      {data.introduction ? <IntroductionCard introduction={data.introduction} headingLevel={2} /> : <p>{t('notFound.text')}</p>}
    </div>
  );
}
