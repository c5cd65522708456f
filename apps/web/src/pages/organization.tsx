import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Locale, OrganizationKind, PlatformRole } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';
import { formatDate } from '../ui/format';
import { ORGANIZATION_KINDS } from '../ui/organization-kinds';
import NotFoundPage from './not-found';
import { ShowMore } from '../ui/show-more';

/** Page sizes of the organisation's lists; "Show more" asks for the next page of one list. */
const PEOPLE_PAGE = 100;
const LISTINGS_PAGE = 50;

const OrganizationDetail = graphql(`
  query OrganizationDetail($id: ID!, $peopleFirst: Int!, $peopleAfter: String, $listingsFirst: Int!, $capabilitiesAfter: String, $needsAfter: String) {
    me {
      id
      role
    }
    organization(id: $id) {
      id
      name
      shortName
      kind
      country
      website
      description
      createdAt
      people(first: $peopleFirst, after: $peopleAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            title
            role
          }
        }
      }
      memberships {
        id
        status
        since
        workingGroup {
          id
          name
        }
      }
      capabilities(first: $listingsFirst, after: $capabilitiesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            kind
            status
          }
        }
      }
      needs(first: $listingsFirst, after: $needsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            kind
            status
          }
        }
      }
    }
  }
`);

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

const UpdateOrganization = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
      name
      shortName
      kind
      country
      website
      description
    }
  }
`);

const InvitePerson = graphql(`
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      id
      name
      email
    }
  }
`);

const AdminQuery = graphql(`
  query OrganizationAdmin {
    me {
      id
      role
    }
  }
`);

/**
 * One organisation: what it is, its people, its working groups, the capabilities and needs the viewer may
 * read. Admins (the predicate of createOrganization, updateOrganization and invitePerson: `me.role`) also
 * get …/edit and …/invite.
 */
export default function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // One cursor per list; Graphcache's relayPagination (api/client.ts) merges each list's pages, so "Show
  // more" on one list appends to it and leaves the others as they are.
  const [after, setAfter] = useState<{ people: string | null; capabilities: string | null; needs: string | null }>({ people: null, capabilities: null, needs: null });
  const [{ data, error, fetching }, refresh] = useQuery({
    query: OrganizationDetail,
    variables: { id, peopleFirst: PEOPLE_PAGE, peopleAfter: after.people, listingsFirst: LISTINGS_PAGE, capabilitiesAfter: after.capabilities, needsAfter: after.needs },
  });
  if (!data) return fetching ? <p role="status">{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const org = data.organization;
  if (!org) return <NotFoundPage />;
  const admin = data.me?.role === 'ADMIN';
  const people = org.people.edges.map((e) => e.node);
  const capabilities = org.capabilities.edges.map((e) => e.node);
  const needs = org.needs.edges.map((e) => e.node);
  return (
    <div className="organization">
      <h1>{org.name}</h1>
      <p className="meta">
        {org.shortName && <span className="tag">{org.shortName}</span>} <span className="tag">{t(`organizations.kind.${org.kind}`)}</span>{' '}
        <span className="tag">{org.country}</span> {t('organizations.detail.since', { date: formatDate(org.createdAt) })}
      </p>
      {org.website && (
        <p>
          {t('organizations.detail.website')}:{' '}
          <a href={org.website} rel="noopener noreferrer" className="break">
            {org.website}
          </a>
        </p>
      )}
      {org.description && <p className="prewrap">{org.description}</p>}
      {admin && (
        <p className="actions">
          <Link className="button" to={`/organizations/${org.id}/edit`}>
            {t('organizations.detail.edit')}
          </Link>{' '}
          <Link className="button" to={`/organizations/${org.id}/invite`}>
            {t('organizations.detail.invite')}
          </Link>
        </p>
      )}
      <Routes>
        <Route index element={null} />
        <Route
          path="edit"
          element={admin ? <OrganizationForm organization={org} onSaved={() => refresh({ requestPolicy: 'network-only' })} /> : <p>{t('organizations.adminOnly')}</p>}
        />
        <Route
          path="invite"
          element={admin ? <InviteForm organization={org} onInvited={() => refresh({ requestPolicy: 'network-only' })} /> : <p>{t('organizations.adminOnly')}</p>}
        />
        <Route path="*" element={<p>{t('notFound.text')}</p>} />
      </Routes>

      <ListSection
        id="org-people"
        title={t('organizations.detail.people', { count: org.people.totalCount })}
        empty={t('organizations.detail.noPeople')}
        items={people}
        render={(p) => (
          <>
            {p.name}
            {p.title && <span className="meta"> · {p.title}</span>}
            {p.role !== 'MEMBER' && <span className="tag">{t(`organizations.platformRole.${p.role}`)}</span>}
          </>
        )}
        more={<ShowMore pageInfo={org.people.pageInfo} fetching={fetching} label={t('organizations.detail.more.people')} onMore={(cursor) => setAfter({ ...after, people: cursor })} />}
      />
      <ListSection
        id="org-groups"
        title={t('organizations.detail.groups')}
        empty={t('organizations.detail.noGroups')}
        items={org.memberships}
        render={(m) => (
          <>
            <Link to={`/working-groups/${m.workingGroup.id}`}>{m.workingGroup.name}</Link>
            <span className="meta"> · {formatDate(m.since)}</span>
            {m.status !== 'ACTIVE' && <span className="tag">{t('organizations.detail.membershipEnded')}</span>}
          </>
        )}
      />
      <ListSection
        id="org-capabilities"
        title={t('organizations.detail.capabilities', { count: org.capabilities.totalCount })}
        empty={t('organizations.detail.noCapabilities')}
        items={capabilities}
        render={(c) => <Listing to={`/capabilities/${c.id}`} listing={c} />}
        more={<ShowMore pageInfo={org.capabilities.pageInfo} fetching={fetching} label={t('organizations.detail.more.capabilities')} onMore={(cursor) => setAfter({ ...after, capabilities: cursor })} />}
      />
      <ListSection
        id="org-needs"
        title={t('organizations.detail.needs', { count: org.needs.totalCount })}
        empty={t('organizations.detail.noNeeds')}
        items={needs}
        render={(n) => <Listing to={`/resource-needs/${n.id}`} listing={n} />}
        more={<ShowMore pageInfo={org.needs.pageInfo} fetching={fetching} label={t('organizations.detail.more.needs')} onMore={(cursor) => setAfter({ ...after, needs: cursor })} />}
      />
    </div>
  );
}

/** One of the page's lists: a heading, the rows (or a sentence when there are none) and its "Show more". */
function ListSection<T extends { id: string }>(props: { id: string; title: string; empty: string; items: T[]; render: (item: T) => ReactNode; more?: ReactNode }) {
  const { id, title, empty, items, render, more } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id}>{render(item)}</li>
          ))}
        </ul>
      )}
      {more}
    </section>
  );
}

/** A capability or need: its title linking to its page, its kind and status. */
function Listing({ to, listing }: { to: string; listing: { title: string; kind: string; status: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={to}>{listing.title}</Link> <span className="tag">{t(`marketplace.kinds.${listing.kind}`)}</span>{' '}
      <span className="tag">{t(`marketplace.statuses.${listing.status}`)}</span>
    </>
  );
}

interface OrganizationValues {
  name: string;
  shortName: string;
  kind: OrganizationKind;
  country: string;
  website: string;
  description: string;
}

/** /organizations/new: admins create an organisation and land on its page. */
export function NewOrganizationPage() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: AdminQuery });
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (data.me?.role !== 'ADMIN') {
    return (
      <div>
        <h1>{t('organizations.form.newTitle')}</h1>
        <p>{t('organizations.adminOnly')}</p>
      </div>
    );
  }
  return (
    <div className="organization-new">
      <OrganizationForm />
    </div>
  );
}

/** Creating (no organisation) or editing one. What was typed stays after a refusal. */
interface SavedOrganization {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  country: string;
  website: string | null;
  description: string | null;
}

function OrganizationForm({ organization, onSaved }: { organization?: SavedOrganization; onSaved?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<OrganizationValues>({
    name: organization?.name ?? '',
    shortName: organization?.shortName ?? '',
    kind: organization?.kind ?? 'OEM',
    country: organization?.country ?? '',
    website: organization?.website ?? '',
    description: organization?.description ?? '',
  });
  const [created, create] = useMutation(CreateOrganization);
  const [updated, update] = useMutation(UpdateOrganization);
  const [saved, setSaved] = useState(false);
  const result = organization ? updated : created;
  const labels = {
    name: t('organizations.form.name'),
    shortName: t('organizations.form.shortName'),
    kind: t('organizations.form.kind'),
    country: t('organizations.form.country'),
    website: t('organizations.form.website'),
    description: t('organizations.form.description'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // Optional fields left empty are cleared (null), not sent as empty text.
    const input = {
      name: values.name,
      kind: values.kind,
      country: values.country,
      shortName: values.shortName.trim() || null,
      website: values.website.trim() || null,
      description: values.description.trim() || null,
    };
    if (organization) {
      const answer = await update({ id: organization.id, input });
      if (answer.data) {
        setSaved(true);
        onSaved?.();
      }
    } else {
      const answer = await create({ input });
      if (answer.data) void navigate(`/organizations/${answer.data.createOrganization.id}`);
    }
  };
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  const field = (name: 'name' | 'shortName' | 'country' | 'website', extra: { required?: boolean; hint?: string; type?: string; maxLength?: number } = {}) => (
    <>
      <label htmlFor={`org-${name}`}>{labels[name]}</label>
      <input
        id={`org-${name}`}
        type={extra.type ?? 'text'}
        required={extra.required}
        maxLength={extra.maxLength}
        value={values[name]}
        aria-invalid={invalid(name)}
        aria-describedby={extra.hint ? `org-${name}-hint` : undefined}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
      {extra.hint && (
        <p id={`org-${name}-hint`} className="meta">
          {extra.hint}
        </p>
      )}
    </>
  );
  return (
    <section aria-labelledby="org-form-heading" className="card">
      {organization ? (
        <h2 id="org-form-heading">{t('organizations.form.editTitle', { name: organization.name })}</h2>
      ) : (
        <h1 id="org-form-heading">{t('organizations.form.newTitle')}</h1>
      )}
      <form className="form" onSubmit={submit}>
        <ErrorMessage error={result.error} labels={labels} reasons="organizations.reasons" />
        {field('name', { required: true, hint: t('organizations.form.nameHint'), maxLength: 200 })}
        {field('shortName', { maxLength: 40 })}
        <label htmlFor="org-kind-select">{labels.kind}</label>
        <select id="org-kind-select" value={values.kind} aria-invalid={invalid('kind')} onChange={(e) => setValues({ ...values, kind: e.target.value as OrganizationKind })}>
          {ORGANIZATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`organizations.kind.${k}`)}
            </option>
          ))}
        </select>
        {field('country', { required: true, hint: t('organizations.form.countryHint') })}
        {field('website', { hint: t('organizations.form.websiteHint'), maxLength: 500 })}
        <label htmlFor="org-description">{labels.description}</label>
        <textarea id="org-description" rows={5} value={values.description} aria-invalid={invalid('description')} onChange={(e) => setValues({ ...values, description: e.target.value })} />
        <button type="submit" className="button primary" disabled={result.fetching}>
          {organization ? t('organizations.form.save') : t('organizations.form.create')}
        </button>
        {saved && <p role="status">{t('organizations.form.saved')}</p>}
        {organization && (
          <p>
            <Link to={`/organizations/${organization.id}`}>{t('organizations.form.back')}</Link>
          </p>
        )}
      </form>
    </section>
  );
}

const LOCALES: Locale[] = ['EN', 'DE', 'FR'];
const PLATFORM_ROLES: PlatformRole[] = ['MEMBER', 'COUNSEL', 'ADMIN'];

/** invitePerson: a person of this organisation, who receives a sign-in link by email. */
function InviteForm({ organization, onInvited }: { organization: { id: string; name: string }; onInvited: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: '', email: '', title: '', locale: 'EN' as Locale, role: 'MEMBER' as PlatformRole, timezone: '' });
  const [result, invite] = useMutation(InvitePerson);
  const [sent, setSent] = useState<{ name: string; email: string } | null>(null);
  const labels = {
    name: t('organizations.invite.name'),
    email: t('organizations.invite.email'),
    title: t('organizations.invite.jobTitle'),
    locale: t('organizations.invite.language'),
    role: t('organizations.invite.role'),
    timezone: t('organizations.invite.timezone'),
    organizationId: t('organizations.list.title'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const answer = await invite({
      input: {
        organizationId: organization.id,
        name: values.name,
        email: values.email,
        title: values.title.trim() || null,
        locale: values.locale,
        role: values.role,
        timezone: values.timezone.trim() || null,
      },
    });
    if (answer.data) {
      setSent({ name: answer.data.invitePerson.name, email: answer.data.invitePerson.email ?? values.email });
      // The next invitation starts empty; after a refusal (above) the typed values stay.
      setValues({ name: '', email: '', title: '', locale: values.locale, role: 'MEMBER', timezone: '' });
      onInvited();
    }
  };
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t('organizations.invite.title', { organization: organization.name })}</h2>
      <p>{t('organizations.invite.intro')}</p>
      <form className="form" onSubmit={submit}>
        <ErrorMessage error={result.error} labels={labels} reasons="organizations.reasons" />
        <label htmlFor="invite-name">{labels.name}</label>
        <input id="invite-name" required maxLength={200} value={values.name} aria-invalid={invalid('name')} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        <label htmlFor="invite-email">{labels.email}</label>
        <input id="invite-email" type="email" required value={values.email} aria-invalid={invalid('email')} onChange={(e) => setValues({ ...values, email: e.target.value })} />
        <label htmlFor="invite-title">{labels.title}</label>
        <input id="invite-title" maxLength={200} value={values.title} aria-invalid={invalid('title')} onChange={(e) => setValues({ ...values, title: e.target.value })} />
        <label htmlFor="invite-locale">{labels.locale}</label>
        <select id="invite-locale" value={values.locale} onChange={(e) => setValues({ ...values, locale: e.target.value as Locale })}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`organizations.language.${l}`)}
            </option>
          ))}
        </select>
        <label htmlFor="invite-role">{labels.role}</label>
        <select id="invite-role" value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as PlatformRole })}>
          {PLATFORM_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`organizations.platformRole.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="invite-timezone">{labels.timezone}</label>
        <input
          id="invite-timezone"
          value={values.timezone}
          aria-invalid={invalid('timezone')}
          aria-describedby="invite-timezone-hint"
          onChange={(e) => setValues({ ...values, timezone: e.target.value })}
        />
        <p id="invite-timezone-hint" className="meta">
          {t('organizations.invite.timezoneHint')}
        </p>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {t('organizations.invite.submit')}
        </button>
        {sent && <p role="status">{t('organizations.invite.sent', sent)}</p>}
      </form>
    </section>
  );
}
