import { setFlagsFromString } from 'node:v8';
import { applyHeapGrowth, withoutAllocationSitePretenuring } from './heap';

jest.mock('node:v8', () => ({ setFlagsFromString: jest.fn() }));

describe(applyHeapGrowth.name, () => {
  beforeEach(() => jest.mocked(setFlagsFromString).mockClear());

  it('sets V8 heap growing factor', () => {
    applyHeapGrowth(100);
    expect(setFlagsFromString).toHaveBeenCalledWith('--heap-growing-percent=100');
  });

  it('leaves V8 alone with 0', () => {
    applyHeapGrowth(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});

describe(withoutAllocationSitePretenuring.name, () => {
  it('turns off V8 allocation-site pretenuring', () => {
    jest.mocked(setFlagsFromString).mockClear();
    withoutAllocationSitePretenuring();
    expect(setFlagsFromString).toHaveBeenCalledWith('--no-allocation-site-pretenuring');
  });
});
