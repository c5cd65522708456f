import { Module } from '@nestjs/common';
import { ProposalsModule } from '@app/proposals';
import { CapabilitiesResolver } from './capabilities/capabilities.resolver';
import { CapabilitiesService } from './capabilities/capabilities.service';
import { IntroductionProposalsService } from './introductions/introduction-proposals.service';
import { IntroductionsResolver, NeedIntroductionsResolver } from './introductions/introductions.resolver';
import { IntroductionsService } from './introductions/introductions.service';
import { ListingReferences } from './listing-references';
import { ListingUpdater } from './listing-updates';
import { MarketplaceEvents } from './marketplace-events';
import { OrganizationMarketplaceResolver, ProposalResourceNeedsResolver } from './marketplace-links.resolver';
import { MarketplacePolicy } from './marketplace.policy';
import { NeedsResolver } from './needs/needs.resolver';
import { NeedsService } from './needs/needs.service';

@Module({
  // Introductions draft proposals and invite partners through the proposals lib's services.
  imports: [ProposalsModule],
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
    IntroductionsService,
    IntroductionProposalsService,
    IntroductionsResolver,
    NeedIntroductionsResolver,
  ],
  exports: [CapabilitiesService, NeedsService, IntroductionsService, MarketplaceEvents, MarketplacePolicy],
})
export class MarketplaceModule {}
