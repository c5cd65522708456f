import { toWinAnsi } from './win-ansi';

describe(toWinAnsi.name, () => {
  it('leaves German, French and Nordic text and typographic punctuation alone', () => {
    const text = 'Müller, Weiß, Größe – „Zitat“ … 10 € · Résidence, Søren, Ærø';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('transliterates other Latin letters and replaces what has no equivalent', () => {
    expect(toWinAnsi('Łódź, Świętokrzyskie, Đorđe, ✓ 会')).toBe('Lódz, Swietokrzyskie, Dorde, ? ?');
  });

  it('drops control characters but keeps line breaks', () => {
    expect(toWinAnsi('a\u0007b\r\nc')).toBe('ab\nc');
  });
});
