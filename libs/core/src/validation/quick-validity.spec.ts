import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  validate,
  ValidateIf,
  ValidateNested,
  ValidatorOptions,
} from 'class-validator';
import { quicklyValid } from './quick-validity';
import { memoizeValidationMetadata } from './metadata-cache';
import { MultiLine, SingleLine } from './text-lines';

enum Kind {
  DATA = 'DATA',
  COMPUTE = 'COMPUTE',
}

function IsEven() {
  return (target: object, propertyName: string) =>
    registerDecorator({ name: 'isEven', target: target.constructor, propertyName, validator: { validate: (value: unknown) => typeof value === 'number' && value % 2 === 0 } });
}

function IsKnownLater() {
  return (target: object, propertyName: string) =>
    registerDecorator({ name: 'isKnownLater', async: true, target: target.constructor, propertyName, validator: { validate: async (value: unknown) => value === 'known' } });
}

class Slot {
  @IsInt()
  @Min(0)
  @Max(23)
  hour: number;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  label?: string | null;
}

class Draft {
  @IsUUID('all')
  groupId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @SingleLine()
  title: string;

  @IsEnum(Kind)
  kind: Kind;

  @IsOptional()
  @ArrayMaxSize(3)
  @IsUUID('all', { each: true })
  priorityIds?: string[] | null;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Slot)
  slots?: Slot[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Slot)
  main?: Slot;

  @ValidateIf((draft: Draft) => draft.kind === Kind.COMPUTE)
  @IsInt()
  @IsEven()
  cores?: number;

  @IsDefined()
  @MultiLine()
  note: string;
}

class Later {
  @IsKnownLater()
  word: string;
}

class NoRules {
  name: string;
}

const OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };
const UUID = '8b0e6c52-55cb-4c41-9a4d-2f2ab1b4b4a1';
const valid = () => ({
  groupId: UUID,
  title: 'Data pool',
  kind: 'DATA',
  priorityIds: [UUID],
  slots: [{ hour: 9 }, { hour: 14, label: 'after lunch' }],
  main: { hour: 10, label: null },
  note: '',
});

async function classValidatorSays(object: object, options = OPTIONS): Promise<boolean> {
  return (await validate(object, options)).length === 0;
}

describe('quicklyValid', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('says yes to what class-validator accepts, through optional, conditional, each and nested rules', async () => {
    const cases = [
      valid(),
      { ...valid(), priorityIds: undefined, slots: undefined, main: undefined },
      { ...valid(), priorityIds: null },
      { ...valid(), kind: 'COMPUTE', cores: 8 },
      { ...valid(), note: 'kept' },
      { ...valid(), note: 'two\r\nlines\tand a tab' },
    ];
    for (const plain of cases) {
      const draft = plainToInstance(Draft, plain);
      expect(await classValidatorSays(draft)).toBe(true);
      expect(quicklyValid(draft, OPTIONS)).toBe(true);
    }
  });

  it('says no to everything class-validator refuses', async () => {
    const cases: Record<string, unknown>[] = [
      { ...valid(), groupId: 'not-a-uuid' },
      { ...valid(), title: '' },
      { ...valid(), title: 'x'.repeat(21) },
      { ...valid(), title: 42 },
      { ...valid(), kind: 'WEATHER' },
      { ...valid(), priorityIds: [UUID, UUID, UUID, UUID] },
      { ...valid(), priorityIds: [UUID, 'nope'] },
      { ...valid(), slots: [{ hour: 9 }, { hour: 24 }] },
      { ...valid(), slots: [{ hour: 9, label: 'x'.repeat(21) }] },
      { ...valid(), slots: [{ hour: 9, extra: true }] },
      { ...valid(), slots: ['nine'] },
      { ...valid(), main: { hour: -1 } },
      { ...valid(), main: 'ten' },
      { ...valid(), kind: 'COMPUTE', cores: 7 },
      { ...valid(), kind: 'COMPUTE' },
      { ...valid(), note: undefined },
      { ...valid(), note: null },
      { ...valid(), colour: 'red' },
      { ...valid(), title: 'Data\nBcc: x' },
      { ...valid(), title: 'Data\tpool' },
      { ...valid(), title: 'Data\u2028pool' },
      { ...valid(), note: 'bell \u0007' },
      { ...valid(), note: 'C1 \u009b' },
    ];
    for (const plain of cases) {
      const draft = plainToInstance(Draft, plain);
      expect({ plain, classValidator: await classValidatorSays(draft) }).toEqual({ plain, classValidator: false });
      expect({ plain, quick: quicklyValid(draft, OPTIONS) }).toEqual({ plain, quick: false });
    }
  });

  it('leaves to class-validator what it cannot decide alone: asynchronous rules, classes without rules, properties to strip', async () => {
    const later = plainToInstance(Later, { word: 'known' });
    expect(await classValidatorSays(later)).toBe(true);
    expect(quicklyValid(later, OPTIONS)).toBe(false);

    const bare = plainToInstance(NoRules, { name: 'x' });
    expect(await classValidatorSays(bare, {})).toBe(false);
    expect(quicklyValid(bare, {})).toBe(false);
    expect(await classValidatorSays(bare, { forbidUnknownValues: false })).toBe(true);
    expect(quicklyValid(bare, { forbidUnknownValues: false })).toBe(true);

    // Whitelisting without forbidding strips the property (a change only class-validator makes).
    const extra = plainToInstance(Draft, { ...valid(), colour: 'red' });
    expect(quicklyValid(extra, { whitelist: true })).toBe(false);
    expect(await classValidatorSays(extra, { whitelist: true })).toBe(true);
    expect(extra).not.toHaveProperty('colour');
  });

  it('never says yes where class-validator says no, over thousands of random variations of a valid draft', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const values = [undefined, null, '', 'x', 'x'.repeat(25), 0, 7, 8, 24, -1, UUID, 'DATA', 'COMPUTE', [], [UUID], ['x'], [{ hour: 3 }], [{ hour: 30 }], { hour: 5 }, { hour: 'five' }, true, 'a\nb', 'a\tb', 'a\u0007b', 'a\u0085b'];
    const keys = ['groupId', 'title', 'kind', 'priorityIds', 'slots', 'main', 'cores', 'note', 'colour'];
    let agreedValid = 0;
    let agreedInvalid = 0;
    for (let i = 0; i < 3000; i++) {
      const plain: Record<string, unknown> = valid();
      const changes = 1 + Math.floor(random() * 2);
      for (let c = 0; c < changes; c++) plain[pick(keys)] = pick(values);
      const draft = plainToInstance(Draft, plain);
      const quick = quicklyValid(draft, OPTIONS);
      const full = await classValidatorSays(draft);
      if (quick && !full) throw new Error(`quicklyValid accepted what class-validator refuses: ${JSON.stringify(plain)}`);
      if (quick) agreedValid++;
      if (!full) agreedInvalid++;
    }
    // Both kinds of answer occur, so the loop compared something.
    expect(agreedValid).toBeGreaterThan(100);
    expect(agreedInvalid).toBeGreaterThan(1000);
  });
});
