import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { ExportFormat } from '../export-format.enum';

@ArgsType()
export class ExportMeetingBriefArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  meetingId: string;

  @Field(() => ExportFormat)
  @IsEnum(ExportFormat)
  format: ExportFormat;
}
