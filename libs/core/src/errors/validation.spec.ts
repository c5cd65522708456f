import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min, ValidateNested, ValidationError } from 'class-validator';
import { createValidationPipe, firstValidationProblem, plainKey } from './validation';

describe(firstValidationProblem.name, () => {
  it('names the nested field that failed', () => {
    const nested = Object.assign(new ValidationError(), { property: 'country', constraints: { isISO31661Alpha2: 'country must be…' } });
    const top = Object.assign(new ValidationError(), { property: 'filter', children: [nested] });
    expect(firstValidationProblem([top])).toEqual({ field: 'filter.country', message: 'country must be…' });
  });
});

class Order {
  @IsIn(['ASC', 'DESC'])
  direction: string;
}

class ListArgs {
  @IsOptional()
  @IsInt()
  @Min(0)
  first?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => Order)
  orderBy?: Order;
}

describe(plainKey.name, () => {
  it('keys plain data only, and not long texts', () => {
    expect(plainKey({ first: 5, orderBy: { direction: 'ASC' }, tags: ['a', null, true] })).toBe('{"first":5,"orderBy":{"direction":"ASC"},"tags":["a",null,true]}');
    for (const value of [{ at: new Date() }, { first: undefined }, { n: NaN }, new Order(), { nested: Object.create(Order.prototype) }, { text: 'x'.repeat(600) }, { tags: Object.assign(new Array<number>(3), { 0: 1, 2: 2 }) }]) {
      expect(plainKey(value)).toBeNull();
    }
    expect(plainKey(JSON.parse('{"__proto__": {"first": 1}}'))).toBeNull();
  });
});

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const args = (data?: string): ArgumentMetadata => ({ type: 'body', metatype: ListArgs, data });
  const run = (value: object, data?: string) => pipe.transform(value, args(data)) as Promise<ListArgs>;

  it('gives instances of the class for arguments it has seen valid before, and still refuses invalid ones', async () => {
    const validate = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    const first = await run({ first: 5, orderBy: { direction: 'ASC' } });
    const again = await run({ first: 5, orderBy: { direction: 'ASC' } });
    expect(validate).toHaveBeenCalledTimes(1);
    expect(again).toBeInstanceOf(ListArgs);
    expect(again.orderBy).toBeInstanceOf(Order);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);

    await expect(run({ first: -1, orderBy: { direction: 'ASC' } })).rejects.toMatchObject({ field: 'first' });
    await expect(run({ first: 5, orderBy: { direction: 'UP' } })).rejects.toMatchObject({ field: 'orderBy.direction' });
    await expect(run({ first: 5, orderBy: { direction: 'ASC' }, extra: 1 })).rejects.toMatchObject({ field: 'extra' });
    await expect(run({ first: 5, orderBy: { direction: 'ASC\u0000' } })).rejects.toMatchObject({ field: 'orderBy.direction' });
    // Refusals are never remembered.
    await expect(run({ first: -1, orderBy: { direction: 'ASC' } })).rejects.toMatchObject({ field: 'first' });
    validate.mockRestore();
  });

  it('always validates named arguments (mutation inputs)', async () => {
    const validate = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    await run({ first: 7 }, 'input');
    await run({ first: 7 }, 'input');
    expect(validate).toHaveBeenCalledTimes(2);
    validate.mockRestore();
  });
});
