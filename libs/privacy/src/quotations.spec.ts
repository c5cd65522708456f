import { decodeEmailForSearch, quotationPattern, scrubQuotations } from './quotations';

describe('quotations', () => {
  const quoted = { name: 'Jörg Müller-Lüdenscheidt', email: 'j.mueller+wg@example.org' };
  const by = { name: 'Former member', email: 'erased-1@invalid' };

  it('replaces the name and the email as whole words, in any case', () => {
    expect(scrubQuotations('Asked by JÖRG MÜLLER-LÜDENSCHEIDT (j.mueller+wg@EXAMPLE.org).', quoted, by)).toBe('Asked by Former member (erased-1@invalid).');
  });

  it('leaves a longer word that merely contains the name alone', () => {
    expect(scrubQuotations('Jörg Müller-Lüdenscheidts', quoted, by)).toBe('Jörg Müller-Lüdenscheidts');
    expect(scrubQuotations('xj.mueller+wg@example.org', quoted, by)).toBe('xj.mueller+wg@example.org');
  });

  it('treats regular-expression characters in the email literally', () => {
    expect(scrubQuotations('j.muellerXwg@example.org', quoted, by)).toBe('j.muellerXwg@example.org');
  });

  it('finds a name folded over two lines', () => {
    expect('Subject: Jörg\r\n Müller-Lüdenscheidt commented'.search(quotationPattern(quoted.name))).toBe(9);
  });

  it('reads quoted-printable bodies and Q-encoded headers', () => {
    const raw = Buffer.from('Subject: =?UTF-8?Q?J=C3=B6rg_M=C3=BCller-L=C3=BCdenscheidt?=\r\n\r\nHello J=C3=B6rg M=C3=BCller-L=C3=BC=\r\ndenscheidt\r\n', 'latin1');
    const text = decodeEmailForSearch(raw);
    expect(text.match(quotationPattern(quoted.name))).toHaveLength(2);
    const base64 = Buffer.from(`Subject: =?UTF-8?B?${Buffer.from('Jörg Müller-Lüdenscheidt').toString('base64')}?=\r\n`, 'latin1');
    expect(decodeEmailForSearch(base64).search(quotationPattern(quoted.name))).toBe(9);
  });
});
