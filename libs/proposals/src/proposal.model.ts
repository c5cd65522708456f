import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { Confidentiality, PartnerConsent, ProposalKind, ProposalState } from './proposal.enums';

@ObjectType({ description: 'A cooperation proposal: data pooling, foundation models, compute access, joint research…' })
export class CooperationProposal {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field({ description: 'Markdown' })
  body: string;

  @Field(() => ProposalKind)
  kind: ProposalKind;

  @Field(() => ProposalState)
  state: ProposalState;

  @Field(() => Confidentiality)
  confidentiality: Confidentiality;

  @Field(() => PartnerConsent, {
    description:
      "Whether the lead organisation accepted to lead: CONSENTED when it is the author's organisation; INVITED while " +
      'another organisation named as lead has not answered (respondToLeadInvitation). A proposal is submitted only once ' +
      "its lead consented; a lead that declines hands the lead back to the author's organisation.",
  })
  leadConsent: PartnerConsent;

  @Field(() => Int, { description: 'Organisations supporting it (one support per organisation).' })
  supportCount: number;

  @Field(() => Int, { description: 'Incremented on every change; pass it back as expectedVersion to updateProposal.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@ObjectType({
  description:
    'What the viewer may do with a proposal now, by the rules the mutations apply (its state, the viewer\'s seat in the ' +
    "group, their organisation's part in it). True means the mutation would not be refused for who the viewer is or the " +
    'state the proposal is in; it may still refuse the input (a stale expectedVersion, a rejection without a note).',
})
export class ProposalViewerCan {
  @Field({ description: 'updateProposal: the author\'s organisation (or an admin), while DRAFT or SUBMITTED.' })
  edit: boolean;

  @Field({ description: "changeProposalState to SUBMITTED: the author's organisation, a DRAFT whose lead consented." })
  submit: boolean;

  @Field({ description: "changeProposalState to WITHDRAWN: the author's organisation, while the state allows it." })
  withdraw: boolean;

  @Field({ description: "changeProposalState to UNDER_REVIEW: the group's chairs, secretaries and admins, once SUBMITTED." })
  startReview: boolean;

  @Field({ description: 'changeProposalState to APPROVED: the group\'s managers, while UNDER_REVIEW.' })
  approve: boolean;

  @Field({ description: 'changeProposalState to REJECTED (with a note): the group\'s managers, while UNDER_REVIEW.' })
  reject: boolean;

  @Field({ description: 'changeProposalState to IN_PROGRESS: the group\'s managers, once APPROVED.' })
  startWork: boolean;

  @Field({ description: 'changeProposalState to COMPLETED: the group\'s managers, while IN_PROGRESS.' })
  complete: boolean;

  @Field({ description: 'supportProposal: participants (not observers) of another organisation than the parties, while open.' })
  support: boolean;

  @Field({ description: 'withdrawSupport (idempotent; see viewerHasSupported): participants (not observers), while open.' })
  unsupport: boolean;

  @Field({ description: 'addComment: the parties\' people and the group\'s participants (not observers).' })
  comment: boolean;

  @Field({ description: 'invitePartner: the lead organisation once it accepted to lead, until the proposal is closed.' })
  invitePartners: boolean;

  @Field({ description: "respondToPartnerInvitation: the viewer's organisation is invited as a partner, until the proposal is closed." })
  respondToPartnerInvitation: boolean;

  @Field({ description: "respondToLeadInvitation: the viewer's organisation is named as lead by another's author, while DRAFT." })
  respondToLeadInvitation: boolean;
}

@ObjectType()
export class CooperationProposalConnection extends Paginated(CooperationProposal) {}

@ObjectType({ description: 'A partner organisation of a proposal and its answer.' })
export class ProposalPartner {
  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => PartnerConsent)
  consent: PartnerConsent;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;
}

@ObjectType({ description: "One entry of a proposal's audit trail; nobody can edit it." })
export class ProposalEvent {
  @Field(() => ID)
  id: string;

  @Field({ description: 'e.g. CREATED, UPDATED, STATE_CHANGED, LEAD_INVITED, LEAD_RESPONDED, PARTNER_INVITED, PARTNER_RESPONDED, SUPPORTED, COMMENTED' })
  type: string;

  @Field(() => ProposalState, { nullable: true })
  fromState: ProposalState | null;

  @Field(() => ProposalState, { nullable: true })
  toState: ProposalState | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  at: Date;
}

@ObjectType()
export class ProposalEventConnection extends Paginated(ProposalEvent) {}

@ObjectType()
export class Comment {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to.' })
  parentId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;
}

@ObjectType()
export class CommentConnection extends Paginated(Comment) {}
