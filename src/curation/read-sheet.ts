// Reads an import sheet (CSV or .xlsx) into rows of text cells keyed by column, each with its row number as a spreadsheet shows it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { BadRequestError } from '../errors/casegraph-error.js';

export interface SheetRow {
  /** 1-based, counting the header as row 1, as a spreadsheet numbers rows. */
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

/** Reads a .csv or .xlsx sheet; rows whose first cell starts with `#` are comments, and blank rows are skipped. */
export async function readSheet(file: string): Promise<Sheet> {
  const extension = path.extname(file).toLowerCase();
  let table: string[][];
  if (extension === '.csv') table = await readCsv(file);
  else if (extension === '.xlsx') table = await readXlsx(file);
  else throw new BadRequestError(`${file}: unsupported sheet type (want .csv or .xlsx)`);
  const [first, ...body] = table;
  if (!first) throw new BadRequestError(`${file}: the sheet is empty (want a header row)`);
  const header = first.map((h) => h.trim().toLowerCase());
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '') || (cells[0] ?? '').trimStart().startsWith('#')) return;
    rows.push({ row: index + 2, cells: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])) });
  });
  return { header, rows };
}

async function readCsv(file: string): Promise<string[][]> {
  const text = (await readSheetFile(file)).toString('utf8').replace(/^\uFEFF/, '');
  // Blank lines are kept (as empty rows) so row numbers stay those of the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new BadRequestError(`${file}: row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const rows = parsed.data;
  // A final newline leaves one empty row behind.
  if (rows.length > 0 && rows[rows.length - 1]?.every((c) => c === '')) rows.pop();
  return rows;
}

async function readXlsx(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = await readSheetFile(file);
    // exceljs types its input as an ArrayBuffer; Node's Buffer is a view on one.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new BadRequestError(`${file}: not a readable .xlsx workbook (${(error as Error).message})`);
  }
  // The first worksheet is the sheet; others (notes, lists) are the case worker's own.
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** A cell as the text a case worker typed: dates as ISO days (UTC, as Excel stores them), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink;
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return value.error;
    return '';
  }
  return String(value);
}

async function readSheetFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new BadRequestError(`${file}: cannot read the sheet`);
  }
}
