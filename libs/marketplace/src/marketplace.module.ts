import { Module } from '@nestjs/common';
import { CapabilitiesResolver } from './capabilities/capabilities.resolver';
import { CapabilitiesService } from './capabilities/capabilities.service';
import { ListingReferences } from './listing-references';
import { ListingUpdater } from './listing-updates';
import { MarketplaceEvents } from './marketplace-events';
import { OrganizationMarketplaceResolver, ProposalResourceNeedsResolver } from './marketplace-links.resolver';
import { MarketplacePolicy } from './marketplace.policy';
import { NeedsResolver } from './needs/needs.resolver';
import { NeedsService } from './needs/needs.service';

@Module({
  providers: [
    MarketplacePolicy,
    MarketplaceEvents,
    ListingReferences,
    ListingUpdater,
    CapabilitiesService,
    NeedsService,
    CapabilitiesResolver,
    NeedsResolver,
    OrganizationMarketplaceResolver,
    ProposalResourceNeedsResolver,
  ],
  exports: [CapabilitiesService, NeedsService, MarketplaceEvents, MarketplacePolicy],
})
export class MarketplaceModule {}
