import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, ValidateNested } from 'class-validator';
import { DeliveryMode, NotificationCategory } from '../notification.enums';

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationCategory)
  @IsEnum(NotificationCategory)
  category: NotificationCategory;

  @Field(() => DeliveryMode)
  @IsEnum(DeliveryMode)
  mode: DeliveryMode;
}

@ArgsType()
export class UpdateNotificationPreferencesArgs {
  @Field(() => [NotificationPreferenceInput], {
    description: 'The categories to change, each at most once; categories left out keep their mode.',
  })
  @IsArray()
  // One per category; a longer list necessarily repeats one (refused by the service as well).
  @ArrayMaxSize(Object.keys(NotificationCategory).length, { message: 'preferences must name each category at most once' })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  preferences: NotificationPreferenceInput[];
}
