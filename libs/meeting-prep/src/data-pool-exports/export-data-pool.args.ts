import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { DataPoolExportFormat } from '@app/data-pools';

@ArgsType()
export class ExportDataPoolArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  poolId: string;

  @Field(() => DataPoolExportFormat)
  @IsEnum(DataPoolExportFormat)
  format: DataPoolExportFormat;
}
