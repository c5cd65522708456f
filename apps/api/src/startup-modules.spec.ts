// The export renderers' libraries belong to the render threads alone (decision 190), and a few others are
// loaded on first use (decision 191): loaded by the API's main thread at start-up, they would sit in its
// heap from then on. Each is mocked with a factory that throws, so the test fails as soon as anything the
// API module imports reaches one of them.
jest.mock('pdfmake', () => {
  throw new Error('pdfmake was loaded by the API');
});
jest.mock('docx', () => {
  throw new Error('docx was loaded by the API');
});
jest.mock('exceljs', () => {
  throw new Error('exceljs was loaded by the API');
});
jest.mock('ics', () => {
  throw new Error('ics was loaded by the API');
});
// Loaded on first use only (decision 191): an export's file name, a configured Redis.
jest.mock('transliteration', () => {
  throw new Error('transliteration was loaded by the API');
});
jest.mock('ioredis', () => {
  throw new Error('ioredis was loaded by the API');
});

describe('the API process at start-up', () => {
  it('loads none of the export renderers’ libraries, nor those it needs only on first use', () => {
    expect(() => jest.requireActual('./app.module')).not.toThrow();
  });
});
