import { registerEnumType } from '@nestjs/graphql';

export enum Locale {
  EN = 'EN',
  DE = 'DE',
  FR = 'FR',
}

export enum PlatformRole {
  ADMIN = 'ADMIN',
  COUNSEL = 'COUNSEL',
  MEMBER = 'MEMBER',
}

registerEnumType(Locale, { name: 'Locale', description: 'Language of emails and exports; FR falls back to EN where untranslated.' });
registerEnumType(PlatformRole, {
  name: 'PlatformRole',
  description: 'ADMIN is the alliance secretariat and may do everything.',
  valuesMap: { COUNSEL: { description: 'Legal counsel: approves meeting agendas' } },
});
