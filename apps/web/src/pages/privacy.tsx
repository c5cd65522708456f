import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ConfirmDialog, DialogClose } from '../ui/confirm-dialog';
import { ErrorMessage } from '../ui/errors';
import { formatDateTime } from '../ui/format';

const PrivacyQuery = graphql(`
  query Privacy {
    me {
      id
      role
      email
      timezone
    }
  }
`);

const PeopleSearch = graphql(`
  query PrivacyPeople($search: String!) {
    people(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
          email
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

const ExportMyData = graphql(`
  mutation ExportMyData {
    exportMyData(format: JSON) {
      id
      url
      filename
      byteSize
      expiresAt
    }
  }
`);

const ExportPersonData = graphql(`
  mutation ExportPersonData($personId: ID!) {
    exportPersonData(personId: $personId, format: JSON) {
      id
      url
      filename
      byteSize
      expiresAt
    }
  }
`);

const ErasePerson = graphql(`
  mutation ErasePerson($personId: ID!, $reason: String!) {
    erasePerson(personId: $personId, reason: $reason)
  }
`);

interface File {
  url: string;
  filename: string;
  byteSize: number;
  expiresAt: string;
}

/** The signed link to a finished export, valid until it expires. */
function Download({ file, timezone }: { file: File; timezone?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="notice">
      <a href={file.url} download={file.filename}>
        {t('governance.privacy.download', { filename: file.filename })}
      </a>
      <p className="meta">{t('governance.privacy.expires', { date: formatDateTime(file.expiresAt, timezone), size: Math.ceil(file.byteSize / 1024) })}</p>
    </div>
  );
}

/** Every person: download their own data. Admins: export another person's data, or erase a person. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: PrivacyQuery });
  const [mine, exportMine] = useMutation(ExportMyData);
  if (!data?.me) return <ErrorMessage error={error} />;
  const me = data.me;
  return (
    <div className="privacy">
      <h1>{t('governance.privacy.title')}</h1>
      <section aria-labelledby="privacy-mine" className="card">
        <h2 id="privacy-mine">{t('governance.privacy.mine')}</h2>
        <p>{t('governance.privacy.mineText')}</p>
        <ErrorMessage error={mine.error} />
        <button type="button" className="button primary" disabled={mine.fetching} onClick={() => void exportMine({})}>
          {t('governance.privacy.exportMine')}
        </button>
        {mine.data && <Download file={mine.data.exportMyData} timezone={me.timezone} />}
      </section>
      {me.role === 'ADMIN' && <AdminPrivacy myId={me.id} timezone={me.timezone} />}
    </div>
  );
}

function AdminPrivacy({ myId, timezone }: { myId: string; timezone: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [{ data, error }] = useQuery({ query: PeopleSearch, variables: { search: submitted }, pause: !submitted });
  const find = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(search.trim());
  };
  return (
    <section aria-labelledby="privacy-admin" className="card">
      <h2 id="privacy-admin">{t('governance.privacy.admin')}</h2>
      <form className="form inline" role="search" onSubmit={find}>
        <label htmlFor="privacy-search">{t('governance.privacy.searchPerson')}</label>
        <input id="privacy-search" type="search" required value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button">
          {t('governance.privacy.find')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {data && data.people.edges.length === 0 && <p>{t('governance.privacy.nobody')}</p>}
      {data && data.people.edges.length > 0 && (
        <ul className="list">
          {data.people.edges.map(({ node: p }) => (
            <PersonRow key={p.id} person={p} self={p.id === myId} timezone={timezone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonRow({ person, self, timezone }: { person: { id: string; name: string; email?: string | null; organization: { name: string } }; self: boolean; timezone: string }) {
  const { t } = useTranslation();
  const [exported, exportData] = useMutation(ExportPersonData);
  const [erased, erase] = useMutation(ErasePerson);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await erase({ personId: person.id, reason });
    if (answer.data?.erasePerson) {
      setOpen(false);
      setDone(true);
    }
  };
  return (
    <li className="gov-person">
      <span>
        {person.name} <span className="meta">{[person.email, person.organization.name].filter(Boolean).join(' · ')}</span>
      </span>
      {done ? (
        <span role="status">{t('governance.privacy.erased', { name: person.name })}</span>
      ) : (
        <span className="gov-actions">
          <button type="button" className="button subtle" disabled={exported.fetching} onClick={() => void exportData({ personId: person.id })}>
            {t('governance.privacy.exportPerson', { name: person.name })}
          </button>
          {!self && (
            <ConfirmDialog
              open={open}
              onOpenChange={setOpen}
              title={t('governance.privacy.eraseTitle', { name: person.name })}
              description={t('governance.privacy.eraseText')}
              trigger={
                <button type="button" className="button subtle gov-danger">
                  {t('governance.privacy.erase', { name: person.name })}
                </button>
              }
            >
              <form className="form" onSubmit={confirm}>
                <ErrorMessage error={erased.error} labels={{ reason: t('governance.privacy.reason') }} />
                <label htmlFor={`erase-reason-${person.id}`}>{t('governance.privacy.reason')}</label>
                <textarea id={`erase-reason-${person.id}`} required value={reason} onChange={(e) => setReason(e.target.value)} />
                <div className="gov-actions">
                  <button type="submit" className="button primary gov-danger-solid" disabled={erased.fetching}>
                    {t('governance.privacy.confirmErase')}
                  </button>
                  <DialogClose asChild>
                    <button type="button" className="button subtle">
                      {t('governance.keep')}
                    </button>
                  </DialogClose>
                </div>
              </form>
            </ConfirmDialog>
          )}
        </span>
      )}
      <ErrorMessage error={exported.error} />
      {exported.data && <Download file={exported.data.exportPersonData} timezone={timezone} />}
    </li>
  );
}
