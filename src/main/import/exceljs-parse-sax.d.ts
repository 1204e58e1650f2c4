// exceljs's own XML reader (saxes, event batches per chunk): used to say which part of a workbook exceljs could not
// parse and why (workbook-diagnose.ts). Internal to exceljs 4 (a CommonJS module exporting one function).
declare module 'exceljs/lib/utils/parse-sax.js' {
  function parseSax(iterable: Iterable<string> | AsyncIterable<string>): AsyncGenerator<unknown[], void, unknown>;
  export = parseSax;
}
