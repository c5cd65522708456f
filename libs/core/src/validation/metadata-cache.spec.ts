import { getMetadataStorage, IsInt, IsString, MaxLength, Min, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './metadata-cache';

class Page {
  @IsInt()
  @Min(0)
  first = 0;
}

class Search extends Page {
  @IsString()
  @MaxLength(5)
  text = '';
}

const errorsOf = (value: object) => validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).map((e) => [e.property, Object.keys(e.constraints ?? {})]);

describe(memoizeValidationMetadata.name, () => {
  const storage = getMetadataStorage();
  const cases = () => [
    Object.assign(new Search(), { first: -1, text: 'too long' }),
    Object.assign(new Search(), { first: 2, text: 'ok' }),
    Object.assign(new Search(), { first: 2, text: 'ok', extra: 1 }),
    Object.assign(new Page(), { first: 1.5 }),
  ];

  it('validates exactly as before, inherited rules included', () => {
    const before = cases().map(errorsOf);
    memoizeValidationMetadata();
    expect(cases().map(errorsOf)).toEqual(before);
    expect(before[0]).toEqual([
      ['text', ['maxLength']],
      ['first', ['min']],
    ]);
    expect(before[2]).toEqual([['extra', ['whitelistValidation']]]);
  });

  it('works out a class’s rules once, and again after new rules are added', () => {
    memoizeValidationMetadata();
    const rules = () => storage.getTargetValidationMetadatas(Search, '', false, false, undefined);
    const first = rules();
    expect(rules()).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(first.map((m) => m.propertyName).sort()).toEqual(['first', 'first', 'text', 'text']);

    class Later extends Search {
      @IsInt()
      page = 1;
    }
    expect(rules()).not.toBe(first);
    expect(errorsOf(Object.assign(new Later(), { page: 'x' }))).toEqual([['page', ['isInt']]]);
  });
});
