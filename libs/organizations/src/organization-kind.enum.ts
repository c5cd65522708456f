import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  OEM = 'OEM',
  SUPPLIER = 'SUPPLIER',
  SEMICONDUCTOR = 'SEMICONDUCTOR',
  SOFTWARE = 'SOFTWARE',
  HPC_CENTRE = 'HPC_CENTRE',
  AI_FACTORY = 'AI_FACTORY',
  RESEARCH = 'RESEARCH',
  PUBLIC_BODY = 'PUBLIC_BODY',
  ASSOCIATION = 'ASSOCIATION',
  OTHER = 'OTHER',
}

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
