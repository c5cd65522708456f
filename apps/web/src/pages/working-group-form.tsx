import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { WorkingGroupStatus } from '../gql/graphql';
import { ErrorMessage, fieldProblem } from '../ui/errors';

const CreateWorkingGroup = graphql(`
  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      id
      name
    }
  }
`);

const UpdateWorkingGroup = graphql(`
  mutation UpdateWorkingGroup($id: ID!, $input: UpdateWorkingGroupInput!) {
    updateWorkingGroup(id: $id, input: $input) {
      id
      name
      mission
      status
    }
  }
`);

const CreatorQuery = graphql(`
  query WorkingGroupCreator {
    me {
      id
      role
    }
  }
`);

const STATUSES: WorkingGroupStatus[] = ['PROPOSED', 'ACTIVE', 'DORMANT', 'CLOSED'];

interface Values {
  name: string;
  slug: string;
  mission: string;
  status: WorkingGroupStatus;
}

/** /working-groups/new: admins (createWorkingGroup's rule, `me.role`) found a group and land on it. */
export default function NewWorkingGroupPage() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: CreatorQuery });
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (data.me?.role !== 'ADMIN') {
    return (
      <div>
        <h1>{t('groups.form.newTitle')}</h1>
        <p>{t('groups.form.adminOnly')}</p>
      </div>
    );
  }
  return <WorkingGroupForm />;
}

/** Editing on the group's page (…/edit), offered when `viewerCan.edit`: name, mission, status (the slug stays). */
export function EditWorkingGroup({ group }: { group: { id: string; name: string; mission: string; status: WorkingGroupStatus } }) {
  return <WorkingGroupForm group={group} />;
}

function WorkingGroupForm({ group }: { group?: { id: string; name: string; mission: string; status: WorkingGroupStatus } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({ name: group?.name ?? '', slug: '', mission: group?.mission ?? '', status: group?.status ?? 'ACTIVE' });
  const [created, create] = useMutation(CreateWorkingGroup);
  const [updated, update] = useMutation(UpdateWorkingGroup);
  const [saved, setSaved] = useState(false);
  const result = group ? updated : created;
  const labels = { name: t('groups.form.name'), slug: t('groups.form.slug'), mission: t('groups.form.mission'), status: t('groups.form.status') };
  const invalid = (field: string) => !!fieldProblem(result.error, field);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (group) {
      const answer = await update({ id: group.id, input: { name: values.name, mission: values.mission, status: values.status } });
      if (answer.data) setSaved(true);
    } else {
      const answer = await create({ input: { name: values.name, slug: values.slug, mission: values.mission, status: values.status } });
      if (answer.data) void navigate(`/working-groups/${answer.data.createWorkingGroup.id}`);
    }
  };
  const Heading = group ? 'h2' : 'h1';
  return (
    <section aria-labelledby="group-form-heading" className="card">
      <Heading id="group-form-heading">{group ? t('groups.form.editTitle', { name: group.name }) : t('groups.form.newTitle')}</Heading>
      <form className="form" onSubmit={submit}>
        <ErrorMessage error={result.error} labels={labels} reasons="groups.reasons" />
        <label htmlFor="group-name">{labels.name}</label>
        <input id="group-name" required maxLength={200} value={values.name} aria-invalid={invalid('name')} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        {!group && (
          <>
            <label htmlFor="group-slug">{labels.slug}</label>
            <input
              id="group-slug"
              required
              maxLength={80}
              value={values.slug}
              aria-invalid={invalid('slug')}
              aria-describedby="group-slug-hint"
              onChange={(e) => setValues({ ...values, slug: e.target.value })}
            />
            <p id="group-slug-hint" className="meta">
              {t('groups.form.slugHint')}
            </p>
          </>
        )}
        <label htmlFor="group-mission">{labels.mission}</label>
        <textarea id="group-mission" required rows={5} value={values.mission} aria-invalid={invalid('mission')} onChange={(e) => setValues({ ...values, mission: e.target.value })} />
        <label htmlFor="group-status">{labels.status}</label>
        <select id="group-status" value={values.status} aria-invalid={invalid('status')} onChange={(e) => setValues({ ...values, status: e.target.value as WorkingGroupStatus })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`groups.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={result.fetching}>
          {group ? t('groups.form.save') : t('groups.form.create')}
        </button>
        {saved && <p role="status">{t('groups.form.saved')}</p>}
        {group && (
          <p>
            <Link to={`/working-groups/${group.id}`}>{t('groups.form.cancel')}</Link>
          </p>
        )}
      </form>
    </section>
  );
}
