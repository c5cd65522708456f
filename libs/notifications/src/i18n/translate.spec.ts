import { de } from './de';
import { en } from './en';
import { translate } from './translate';

function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe(translate.name, () => {
  it('has the same keys in English and German', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('interpolates in the recipient locale and falls back to English for French', () => {
    expect(translate('DE', 'common.greeting', { name: 'Jörg' })).toBe('Guten Tag Jörg,');
    expect(translate('EN', 'common.greeting', { name: 'Ann' })).toBe('Hello Ann,');
    expect(translate('FR', 'common.greeting', { name: 'Léa' })).toBe('Hello Léa,');
  });

  it('leaves escaping to the HTML template (text stays verbatim)', () => {
    expect(translate('EN', 'title.proposal.commented', { proposalTitle: '<script>x</script>' })).toContain('<script>x</script>');
  });
});
