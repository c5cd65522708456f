import { NotificationCategory } from '../notification.enums';
import { formatDay, invitees, meetingFacts, meetingNotice } from '../recipients/meeting.rules';
import { RecipientRule } from '../recipients/recipient-rules';
import { loadActionItemFacts } from '../recipients/action-item-facts';

/**
 * Events the reminder pass raises itself (actor: the system). They go through the same expander as
 * domain events, under a deterministic event id (see reminderEventId).
 */
export const MEETING_BRIEF_READY = 'MEETING_BRIEF_READY';
export const ACTION_ITEM_DUE_TOMORROW = 'ACTION_ITEM_DUE_TOMORROW';

/**
 * The brief, a day ahead: the invitees who have not declined. The PDF is rendered per recipient when
 * the email is sent (MeetingAttachments), from what that recipient may read.
 */
export const meetingBriefReady: RecipientRule = async (event, em) => {
  const meeting = await meetingFacts(em, event.meetingId);
  if (!meeting || meeting.status !== 'SCHEDULED') return [];
  return meetingNotice('meeting.brief_ready', meeting, await invitees(em, meeting.id, { withoutDeclined: true }));
};

/** An open item due tomorrow (in the owner's zone): its owner. */
export const actionItemDueTomorrow: RecipientRule = async (event, em) => {
  const item = await loadActionItemFacts(em, event.actionItemId, event.ownerId, { openOnly: true });
  if (!item?.dueDate) return [];
  return [
    {
      category: NotificationCategory.ACTION_ITEMS,
      type: 'action_item.due_tomorrow',
      recipientIds: [event.ownerId as string],
      link: `/meetings/${item.meetingId}`,
      data: {
        actionItemId: item.id,
        actionTitle: item.title,
        meetingId: item.meetingId,
        meetingTitle: item.meetingTitle,
        workingGroupId: item.workingGroupId,
        groupName: item.groupName,
        dueDate: item.dueDate,
        day: event.day,
      },
      perRecipient: { [event.ownerId as string]: { due: formatDay(item.dueDate, item.timezone, item.locale) } },
    },
  ];
};

export const REMINDER_RULES: Record<string, RecipientRule> = {
  [MEETING_BRIEF_READY]: meetingBriefReady,
  [ACTION_ITEM_DUE_TOMORROW]: actionItemDueTomorrow,
};
