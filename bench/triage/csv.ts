// RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into records keyed by the
// header row; enough for the benchmark's data files, which all have a header.

/** The rows of `text` as records keyed by the header's names; a row shorter than the header has empty strings. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.filter((cells) => cells.length > 1 || cells[0] !== "").map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}
