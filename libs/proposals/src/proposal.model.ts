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
