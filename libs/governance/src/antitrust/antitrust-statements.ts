/**
 * The alliance's default antitrust statement, read at the start of every meeting of competitors unless its
 * organisers replaced it. Written along the lines competition-law counsel use for trade-association
 * meetings (Art. 101 TFEU, § 1 GWB): what may not be discussed, how to object, minutes and counsel.
 */
export type StatementLanguage = 'EN' | 'DE';

/** The longest statement a meeting may carry instead of the default (an input size limit). */
export const MAX_STATEMENT_LENGTH = 8000;

export const DEFAULT_STATEMENTS: Record<StatementLanguage, string> = {
  EN: [
    'The participants in this meeting of the ECAVA alliance include competitors. The alliance and its members are committed to full compliance with ' +
      'competition law, in particular Article 101 of the Treaty on the Functioning of the European Union and the national ' +
      'competition laws. Cooperation in this alliance is limited to the pre-competitive work on its agenda.',
    '',
    'Participants must not discuss, exchange or agree on, in this meeting or at its margins:',
    '- prices, price components, discounts, margins, costs or terms of sale and purchase;',
    '- individual customers, suppliers or tenders, and whether to deal with any of them;',
    '- the allocation of markets, territories, customers or products;',
    "- individual companies' capacities, production or sales volumes, investment, product or market plans;",
    '- any other competitively sensitive information that is not public, including wages and terms of employment.',
    '',
    'The meeting follows the agenda approved by counsel. Minutes are kept and record the topics discussed and the ' +
      'conclusions reached. Legal counsel attends or is available during the meeting.',
    '',
    'A participant who believes that a discussion raises a competition-law concern must object at once; the chair then ' +
      'stops the discussion, and the objection is recorded in the minutes. If the discussion continues, participants ' +
      'should leave the meeting and have their departure recorded.',
  ].join('\n'),
  DE: [
    'Zu den Teilnehmenden dieser Sitzung der ECAVA-Allianz gehören Wettbewerber. Die Allianz und ihre Mitglieder halten das Kartellrecht ' +
      'uneingeschränkt ein, insbesondere Artikel 101 des Vertrags über die Arbeitsweise der Europäischen Union und das ' +
      'Gesetz gegen Wettbewerbsbeschränkungen (GWB). Die Zusammenarbeit in der Allianz beschränkt sich auf die ' +
      'vorwettbewerbliche Arbeit der Tagesordnung.',
    '',
    'Die Teilnehmenden dürfen weder in der Sitzung noch an ihrem Rande erörtern, austauschen oder vereinbaren:',
    '- Preise, Preisbestandteile, Rabatte, Margen, Kosten oder Verkaufs- und Einkaufsbedingungen;',
    '- einzelne Kunden, Lieferanten oder Ausschreibungen und ob mit ihnen Geschäfte gemacht werden;',
    '- die Aufteilung von Märkten, Gebieten, Kunden oder Produkten;',
    '- Kapazitäten, Produktions- oder Absatzmengen, Investitionen, Produkt- oder Marktpläne einzelner Unternehmen;',
    '- sonstige nicht öffentliche, wettbewerblich sensible Informationen, auch zu Löhnen und Arbeitsbedingungen.',
    '',
    'Die Sitzung folgt der von der Rechtsberatung freigegebenen Tagesordnung. Es wird ein Protokoll geführt, das die ' +
      'erörterten Themen und die erzielten Ergebnisse festhält. Die Rechtsberatung nimmt an der Sitzung teil oder ist ' +
      'während der Sitzung erreichbar.',
    '',
    'Wer der Auffassung ist, dass eine Erörterung kartellrechtlich bedenklich ist, widerspricht sofort; die Sitzungsleitung ' +
      'unterbricht dann die Erörterung, und der Widerspruch wird im Protokoll vermerkt. Wird die Erörterung fortgesetzt, ' +
      'verlassen die Teilnehmenden die Sitzung und lassen dies protokollieren.',
  ].join('\n'),
};

/**
 * A meeting's language is its organiser's (German for a German-speaking organiser, English otherwise: FR and
 * any other locale read the English text), decision 140.
 */
export function statementLanguage(locale: string | null | undefined): StatementLanguage {
  return locale === 'DE' ? 'DE' : 'EN';
}

/** The statement a meeting carries: its own when its organisers replaced the default, else the default in its language. */
export function effectiveStatement(own: string | null, language: StatementLanguage): string {
  return own ?? DEFAULT_STATEMENTS[language];
}
