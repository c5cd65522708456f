import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ConnectionArgs } from '@app/core';

/** The most notifications one `markNotificationsRead` call may name (an input size limit). */
export const MAX_MARK_READ = 500;

@ArgsType()
export class MyNotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only notifications not yet marked read (all when omitted or false).' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean | null;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: `At most ${MAX_MARK_READ}. Ids that are not the viewer's notifications are ignored.` })
  @IsArray()
  @ArrayMaxSize(MAX_MARK_READ)
  @IsUUID('all', { each: true, message: 'ids must hold notification ids' })
  ids: string[];
}
