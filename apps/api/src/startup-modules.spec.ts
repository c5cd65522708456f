// The export renderers' libraries belong to the render threads alone (decision 190): loaded by the API's
// main thread, they would sit in its heap from start-up on. Each is mocked with a factory that throws, so
// the test fails as soon as anything the API module imports reaches one of them.
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

describe('the API process at start-up', () => {
  it('loads none of the export renderers’ libraries', () => {
    expect(() => jest.requireActual('./app.module')).not.toThrow();
  });
});
