// The export renderers' libraries belong to the render threads alone (decision 190), and a few others are
// loaded on first use (decision 191): loaded by the API's main thread at start-up, they would sit in its
// heap from then on. Each is mocked with a factory that throws, so the test fails as soon as anything the
// API module imports reaches one of them.
const NOT_AT_START_UP = [
  // The renderers' (render.worker.ts).
  'pdfmake',
  'docx',
  'exceljs',
  'ics',
  // On first use: an export's file name, a configured Redis.
  'transliteration',
  'ioredis',
];
for (const name of NOT_AT_START_UP) {
  jest.mock(name, () => {
    throw new Error(`${name} was loaded by the API`);
  });
}

describe('the API process at start-up', () => {
  it('loads none of the export renderers’ libraries, nor those it needs only on first use', () => {
    expect(() => jest.requireActual('./app.module')).not.toThrow();
  });
});
