import { registerEnumType } from '@nestjs/graphql';

export enum ProposalKind {
  DATA_EXCHANGE = 'DATA_EXCHANGE',
  DATA_POOLING = 'DATA_POOLING',
  FOUNDATION_MODEL = 'FOUNDATION_MODEL',
  MODEL_BENCHMARKING = 'MODEL_BENCHMARKING',
  SYNTHETIC_DATA = 'SYNTHETIC_DATA',
  COMPUTE_ACCESS = 'COMPUTE_ACCESS',
  JOINT_RESEARCH = 'JOINT_RESEARCH',
  STANDARDISATION = 'STANDARDISATION',
  OTHER = 'OTHER',
}

export enum ProposalState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum Confidentiality {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
  WORKING_GROUP = 'WORKING_GROUP',
  PARTIES = 'PARTIES',
}

export enum PartnerConsent {
  INVITED = 'INVITED',
  CONSENTED = 'CONSENTED',
  DECLINED = 'DECLINED',
}

export enum ProposalOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  SUPPORT_COUNT = 'SUPPORT_COUNT',
  TITLE = 'TITLE',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(ProposalKind, { name: 'ProposalKind' });
registerEnumType(ProposalState, { name: 'ProposalState' });
registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description: 'Who may read a proposal (admins always may).',
  valuesMap: {
    PUBLIC: { description: 'every signed-in person' },
    MEMBERS: { description: 'every participant of any working group' },
    WORKING_GROUP: { description: "participants of the proposal's working group" },
    PARTIES: { description: "people of the lead and partner organisations, and the group's chairs" },
  },
});
registerEnumType(PartnerConsent, { name: 'PartnerConsent' });
registerEnumType(ProposalOrderField, { name: 'ProposalOrderField' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });
