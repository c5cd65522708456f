import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonalDataExportFormat } from '../personal-data-export-format.enum';

@ArgsType()
export class ExportMyDataArgs {
  @Field(() => PersonalDataExportFormat, { nullable: true })
  @IsOptional()
  @IsEnum(PersonalDataExportFormat)
  format?: PersonalDataExportFormat;
}

@ArgsType()
export class ExportPersonDataArgs extends ExportMyDataArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  personId: string;
}
