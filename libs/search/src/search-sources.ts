import { rawSql, sql } from '@app/core';
import { createDataPoolLoaders, DataPool, dataPoolReadableBy, Dataset, datasetReadableBy } from '@app/data-pools';
import { Capability, canReadCapability, canReadNeed, createMarketplaceLoaders, ResourceNeed } from '@app/marketplace';
import { canReadMeeting, createMeetingLoaders, Meeting } from '@app/meetings';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { createPriorityLoaders, Priority } from '@app/priorities';
import { canReadProposal, CooperationProposal, createProposalLoaders } from '@app/proposals';
import { createWorkingGroupLoaders, WorkingGroup } from '@app/working-groups';
import { SearchKind } from './search-kind.enum';
import { SearchSource } from './search-source';

/** Long texts are cut to 10,000 characters for a snippet: `ts_headline` reads all it is given, at every hit shown. */
const SNIPPET_TEXT_LIMIT = rawSql('10000');

/** Everything search finds, one source per kind; each `type` is a member of the `SearchResult` union. */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    kind: SearchKind.ORGANIZATION,
    type: Organization,
    table: 'organizations',
    // As `organizations` and `organization(id)`: every signed-in person reads every organisation.
    readable: () => rawSql('TRUE'),
    snippetText: (o) => sql`concat_ws(' · ', ${o}.name, ${o}.short_name, ${o}.description)`,
    load: (loaders, id) => loaders.of(createOrganizationLoaders).byId.load(id),
  },
  {
    kind: SearchKind.PERSON,
    type: Person,
    table: 'people',
    // As `people` and `person(id)`: everyone signed in reads every person's name and title. The email, which
    // only some may read, is not in the document nor in the snippet.
    readable: () => rawSql('TRUE'),
    snippetText: (p) => sql`concat_ws(' · ', ${p}.name, ${p}.title)`,
    load: (loaders, id) => loaders.of(createPeopleLoaders).byId.load(id),
  },
  {
    kind: SearchKind.WORKING_GROUP,
    type: WorkingGroup,
    table: 'working_groups',
    // As `workingGroups`: every group is listed to everyone signed in.
    readable: () => rawSql('TRUE'),
    snippetText: (g) => sql`concat_ws(' · ', ${g}.name, ${g}.mission)`,
    load: (loaders, id) => loaders.of(createWorkingGroupLoaders).byId.load(id),
  },
  {
    kind: SearchKind.PRIORITY,
    type: Priority,
    table: 'priorities',
    // As `priorities` and `priority(id)` (PriorityPolicy): everyone signed in reads every scope's priorities.
    readable: () => rawSql('TRUE'),
    snippetText: (p) => sql`concat_ws(' · ', ${p}.title, ${p}.description)`,
    load: (loaders, id) => loaders.of(createPriorityLoaders).byId.load(id),
  },
  {
    kind: SearchKind.PROPOSAL,
    type: CooperationProposal,
    table: 'cooperation_proposals',
    // Drafts and confidentiality: the condition `proposals`, `proposal(id)` and every nested list use.
    readable: (viewer, p) => canReadProposal(viewer, p.text()),
    snippetText: (p) => sql`concat_ws(' · ', ${p}.title, ${p}.summary, left(${p}.body, ${SNIPPET_TEXT_LIMIT}))`,
    load: (loaders, id) => loaders.of(createProposalLoaders).visibleById.load(id),
  },
  {
    kind: SearchKind.MEETING,
    type: Meeting,
    table: 'meetings',
    // Group meetings for the group's participants, invitees and action-item owners: `meetings`' condition.
    readable: (viewer, m) => canReadMeeting(viewer, m.text()),
    snippetText: (m) => sql`concat_ws(' · ', ${m}.title, ${m}.location, ${m}.description, left(${m}.minutes, ${SNIPPET_TEXT_LIMIT}))`,
    load: (loaders, id) => loaders.of(createMeetingLoaders).visibleById.load(id),
  },
  {
    kind: SearchKind.CAPABILITY,
    type: Capability,
    table: 'capabilities',
    // As `capabilities` and `capability(id)`: own organisation, then PUBLIC, MEMBERS or the group's participants.
    readable: (viewer, c) => canReadCapability(viewer, c.text()),
    snippetText: (c) => sql`concat_ws(' · ', ${c}.title, ${c}.description)`,
    load: (loaders, id) => loaders.of(createMarketplaceLoaders).capabilityById.load(id),
  },
  {
    kind: SearchKind.RESOURCE_NEED,
    type: ResourceNeed,
    table: 'resource_needs',
    // As `resourceNeeds` and `resourceNeed(id)`. An anonymous need is found by its requirements' text only:
    // neither its document nor its snippet holds its organisation, and its node's `organization` and
    // `proposal` answer null to whoever may not see the owner (`canSeeNeedOwner`), as everywhere.
    readable: (viewer, n) => canReadNeed(viewer, n.text()),
    snippetText: (n) => sql`concat_ws(' · ', ${n}.title, ${n}.description)`,
    load: (loaders, id) => loaders.of(createMarketplaceLoaders).needById.load(id),
  },
  {
    kind: SearchKind.DATA_POOL,
    type: DataPool,
    table: 'data_pools',
    // As `dataPools`, `dataPool(id)`, nested lists and exports: a PARTIES pool only for its invited
    // organisations, the group's chairs and admins; a WORKING_GROUP pool also for the group's members.
    readable: (viewer, dp) => dataPoolReadableBy(viewer, dp.text()),
    snippetText: (dp) => sql`concat_ws(' · ', ${dp}.title, ${dp}.purpose)`,
    load: (loaders, id) => loaders.of(createDataPoolLoaders).poolById.load(id),
  },
  {
    kind: SearchKind.DATASET,
    type: Dataset,
    table: 'data_pool_datasets',
    // Exactly when its pool is readable (`datasetReadableBy` is `dataPoolReadableBy` over the pool).
    readable: (viewer, d) => datasetReadableBy(viewer, d.text()),
    snippetText: (d) => sql`concat_ws(' · ', ${d}.title, ${d}.description, ${d}.modality)`,
    load: (loaders, id) => loaders.of(createDataPoolLoaders).datasetById.load(id),
  },
];
