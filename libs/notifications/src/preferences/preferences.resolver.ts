import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { Person, PersonEntity } from '@app/people';
import { NotificationCategory } from '../notification.enums';
import { NotificationPreference } from '../notification.model';
import { UpdateNotificationPreferencesArgs } from './preference.input';
import { createNotificationPreferenceLoaders } from './preferences.loader';
import { NotificationPreferencesService } from './preferences.service';

/** One preference per category, always all of them. */
const CATEGORIES = Object.keys(NotificationCategory).length;

@Resolver(() => NotificationPreference)
export class NotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Mutation(() => [NotificationPreference], {
    description: `Sets the viewer's email modes for the categories given (each at most once); returns all ${CATEGORIES} categories.`,
  })
  @MaxItems(CATEGORIES)
  updateNotificationPreferences(@CurrentViewer() viewer: Viewer, @Args() { preferences }: UpdateNotificationPreferencesArgs) {
    return this.preferences.update(viewer, preferences);
  }
}

/** `Person.notificationPreferences`, declared here because notifications depend on people, not the reverse. */
@Resolver(() => Person)
export class PersonNotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @ResolveField(() => [NotificationPreference], {
    nullable: true,
    description: `The person's own settings, all ${CATEGORIES} categories with defaults filled in; null for anyone else but admins.`,
  })
  @MaxItems(CATEGORIES)
  notificationPreferences(person: PersonEntity, _args: unknown, ctx: GqlContext) {
    if (!this.preferences.canRead(ctx.viewer, person.id)) return null;
    return ctx.loaders.of(createNotificationPreferenceLoaders).ofPerson.load(person.id);
  }
}
