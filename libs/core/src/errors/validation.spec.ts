import { ValidationError } from 'class-validator';
import { firstValidationProblem } from './validation';

describe(firstValidationProblem.name, () => {
  it('names the nested field that failed', () => {
    const nested = Object.assign(new ValidationError(), { property: 'country', constraints: { isISO31661Alpha2: 'country must be…' } });
    const top = Object.assign(new ValidationError(), { property: 'filter', children: [nested] });
    expect(firstValidationProblem([top])).toEqual({ field: 'filter.country', message: 'country must be…' });
  });
});
