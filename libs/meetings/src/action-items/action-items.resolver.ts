import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { createPeopleLoaders, Person } from '@app/people';
import { ActionItemInput, MyActionItemsArgs, SetActionItemStatusArgs } from '../dto/action-item.input';
import { Meeting } from '../meeting.model';
import { createMeetingLoaders } from '../meetings.loader';
import { ActionItemEntity } from './action-item.entity';
import { ActionItem } from './action-item.model';
import { ActionItemsService, MY_ACTION_ITEMS } from './action-items.service';

@Resolver(() => ActionItem)
export class ActionItemsResolver {
  constructor(private readonly service: ActionItemsService) {}

  @Query(() => [ActionItem], {
    description: `The viewer's action items across meetings, by due date (none last), then creation; the first ${MY_ACTION_ITEMS}.`,
  })
  @MaxItems(MY_ACTION_ITEMS)
  myActionItems(@CurrentViewer() viewer: Viewer, @Args() { status }: MyActionItemsArgs) {
    return this.service.mine(viewer, status ?? null);
  }

  @Mutation(() => ActionItem, { description: 'Organisers only; not when the meeting is CANCELLED.' })
  addActionItem(
    @CurrentViewer() viewer: Viewer,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('input') input: ActionItemInput,
  ) {
    return this.service.add(viewer, meetingId, input);
  }

  @Mutation(() => ActionItem, { description: "The item's owner and the meeting's organisers." })
  setActionItemStatus(@CurrentViewer() viewer: Viewer, @Args() { id, status }: SetActionItemStatusArgs) {
    return this.service.setStatus(viewer, id, status);
  }

  @ResolveField(() => Person, { nullable: true })
  owner(item: ActionItemEntity, _args: unknown, ctx: GqlContext) {
    return item.ownerId ? ctx.loaders.of(createPeopleLoaders).byId.load(item.ownerId) : null;
  }

  @ResolveField(() => Meeting)
  meeting(item: ActionItemEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createMeetingLoaders).visibleById.load(item.meetingId);
  }
}
