import type { OrganizationKind } from '../gql/graphql';

/** The API's OrganizationKind values in display order (the organisation screens' select and filter). */
export const ORGANIZATION_KINDS: OrganizationKind[] = ['OEM', 'SUPPLIER', 'SEMICONDUCTOR', 'SOFTWARE', 'AI_FACTORY', 'HPC_CENTRE', 'RESEARCH', 'ASSOCIATION', 'PUBLIC_BODY', 'OTHER'];
