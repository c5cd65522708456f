import { registerEnumType } from '@nestjs/graphql';

export enum PersonalDataExportFormat {
  JSON = 'JSON',
}

registerEnumType(PersonalDataExportFormat, {
  name: 'PersonalDataExportFormat',
  description: 'The format of a personal-data export (GDPR Art. 15/20): JSON, machine-readable.',
});
