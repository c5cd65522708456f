import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ExportFormat } from './export-format.enum';

@ObjectType({ description: 'A generated file; fetch it with GET on url (the url carries its own short-lived signed token).' })
export class ExportFile {
  @Field(() => ID)
  id: string;

  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field({ description: 'e.g. 2026-02-05-launch-workshop.pdf (the local start date and the title)' })
  filename: string;

  @Field({ description: 'The media type the download is served with.' })
  contentType: string;

  @Field(() => Int)
  byteSize: number;

  @Field({ description: 'SHA-256 of the file, hex.' })
  sha256: string;

  @Field({ description: 'Plain GET, no Authorization header needed; 403 when tampered with, 410 once expired.' })
  url: string;

  @Field()
  expiresAt: Date;
}
