import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { MultiLine, SingleLine } from './text-lines';

class Sample {
  @SingleLine()
  name: unknown = 'Ada';

  @MultiLine()
  notes: unknown = '';
}

const problems = (values: Partial<Sample>) => validateSync(Object.assign(new Sample(), values)).map((error) => error.property);

describe('SingleLine and MultiLine', () => {
  it('accept ordinary text of every European script, and leave other types to the type checks', () => {
    expect(problems({ name: 'Łódź – Ørsted, Ἀθῆναι, Plovdiv/Пловдив', notes: 'One\nTwo\r\n\tThree\u2028Four' })).toEqual([]);
    expect(problems({ name: 42, notes: null })).toEqual([]);
  });

  it('refuse line breaks, tabs and control characters on one line', () => {
    for (const name of ['Ada\nBcc: x@evil.example', 'Ada\r', 'Ada\tLovelace', 'Ada\u0000', 'Ada\u001b[2J', 'Ada\u007f', 'Ada\u0085', 'Ada\u2028', 'Ada\u2029']) {
      expect({ name, problems: problems({ name }) }).toEqual({ name, problems: ['name'] });
    }
  });

  it('refuse control characters other than line breaks and tabs in multi-line text', () => {
    for (const notes of ['bell \u0007', 'form \f feed', 'vertical \u000b tab', 'escape \u001b', 'delete \u007f', 'C1 \u009b']) {
      expect({ notes, problems: problems({ notes }) }).toEqual({ notes, problems: ['notes'] });
    }
  });
});
