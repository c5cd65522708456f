import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Connection, fetchCount, fetchPage, lazyConnection, PageArgs, Viewer } from '@app/core';
import { ProposalFilter, ProposalOrder } from './dto/proposal.input';
import { proposalListQuery } from './proposal-list.query';
import { ProposalEntity } from './proposal.entity';

@Injectable()
export class ProposalListService {
  constructor(private readonly dataSource: DataSource) {}

  list(
    viewer: Viewer,
    filter: ProposalFilter | null | undefined,
    order: ProposalOrder | null | undefined,
    args: PageArgs,
    properties: ReadonlySet<string> | null = null,
  ): Connection<ProposalEntity> {
    const query = proposalListQuery(this.dataSource, viewer, filter, order, undefined, properties);
    return lazyConnection(
      () => fetchPage<ProposalEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }
}
