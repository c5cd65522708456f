import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { createPeopleLoaders, Person } from '@app/people';
import { createWorkingGroupLoaders } from '@app/working-groups';
import { setsActionItemStatus } from '../meeting-permissions';
import { ActionItemInput, MyActionItemsArgs, SetActionItemStatusArgs } from '../dto/action-item.input';
import { Meeting } from '../meeting.model';
import { createMeetingLoaders } from '../meetings.loader';
import { ActionItemEntity } from './action-item.entity';
import { ActionItem, ActionItemViewerCan } from './action-item.model';
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

  @ResolveField(() => ActionItemViewerCan, { description: 'What the viewer may do with it now; computed by the rule the mutation applies.' })
  async viewerCan(item: ActionItemEntity, _args: unknown, ctx: GqlContext): Promise<ActionItemViewerCan> {
    // The meeting and the viewer's seat role in its group: one statement per batch each, shared with Meeting.viewerCan.
    const meeting = await ctx.loaders.of(createMeetingLoaders).visibleById.load(item.meetingId);
    if (!meeting) return { setStatus: false };
    const role = meeting.workingGroupId ? await ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(meeting.workingGroupId) : null;
    return { setStatus: setsActionItemStatus(ctx.viewer!, item, meeting.workingGroupId, role) };
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
