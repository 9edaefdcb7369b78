// TNEF ("winmail.dat", application/ms-tnef): how Outlook and Exchange wrap a message's files
// and body for other Microsoft clients. Everyone else sees one opaque attachment; the customer's
// invoice or screenshot is inside. This reads the files out (name, content, type when the stream
// says it) and the plain-text body when there is one ([MS-OXTNEF]). Compressed RTF bodies are not
// decoded.

import { TextDecoder } from "node:util";

/** The stream's first four bytes, 0x223E9F78 little-endian. */
const SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 1;
const LEVEL_ATTACHMENT = 2;

// Attribute ids (the low 16 bits; the high 16 are the attribute's type).
const ATT_BODY = 0x800c;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_MSG_PROPS = 0x9003;
const ATT_ATTACHMENT = 0x9005;
const ATT_OEM_CODEPAGE = 0x9007;

// MAPI property ids and types read from attMsgProps and attAttachment.
const PR_BODY = 0x1000;
const PR_ATTACH_DATA_OBJ = 0x3701;
const PR_ATTACH_FILENAME = 0x3704;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_MIME_TAG = 0x370e;
const PR_DISPLAY_NAME = 0x3001;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const PT_CLSID = 0x0048;
const MULTI_VALUED = 0x1000;
const FIXED_SIZES: Record<number, number> = {
  0x0002: 4, // PT_SHORT, padded
  0x0003: 4, // PT_LONG
  0x0004: 4, // PT_FLOAT
  0x0005: 8, // PT_DOUBLE
  0x0006: 8, // PT_CURRENCY
  0x0007: 8, // PT_APPTIME
  0x000a: 4, // PT_ERROR
  0x000b: 4, // PT_BOOLEAN, padded
  0x0014: 8, // PT_I8
  0x0040: 8, // PT_SYSTIME
  [PT_CLSID]: 16,
};

export interface TnefFile {
  filename: string;
  /** The MIME type the stream names, if any. */
  contentType: string | null;
  content: Buffer;
}

export interface Tnef {
  files: TnefFile[];
  /** The message's plain-text body, when the stream carries one. */
  text: string | null;
}

export class TnefError extends Error {}

export function isTnef(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === SIGNATURE;
}

/** 8-bit strings in the stream's code page (attOemCodepage), Windows-1252 when it says none. */
function decoderOf(codepage: number | null): TextDecoder {
  try {
    return new TextDecoder(codepage === null ? "windows-1252" : codepage === 65001 ? "utf-8" : `windows-${codepage}`);
  } catch {
    return new TextDecoder("windows-1252");
  }
}

const utf16 = new TextDecoder("utf-16le");

function cString(bytes: Buffer, decoder: TextDecoder): string {
  const end = bytes.indexOf(0);
  return decoder.decode(end === -1 ? bytes : bytes.subarray(0, end)).trim();
}

interface MapiValue {
  type: number;
  data: Buffer;
}

/** The properties of attMsgProps or attAttachment: id → first value. */
function readProperties(bytes: Buffer): Map<number, MapiValue> {
  const props = new Map<number, MapiValue>();
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new TnefError(`MAPI properties end early at byte ${at}`);
  };
  const pad = (n: number) => (4 - (n % 4)) % 4;
  need(4);
  const count = bytes.readUInt32LE(at);
  at += 4;
  for (let index = 0; index < count; index++) {
    need(4);
    const type = bytes.readUInt16LE(at);
    const id = bytes.readUInt16LE(at + 2);
    at += 4;
    if (id >= 0x8000) {
      // A named property: its GUID, then a number or a UTF-16 name.
      need(20);
      const kind = bytes.readUInt32LE(at + 16);
      at += 20;
      if (kind === 0) {
        need(4);
        at += 4;
      } else {
        need(4);
        const length = bytes.readUInt32LE(at);
        at += 4;
        need(length);
        at += length + pad(length);
      }
    }
    const base = type & ~MULTI_VALUED;
    const fixed = FIXED_SIZES[base];
    const variable = base === PT_STRING8 || base === PT_UNICODE || base === PT_BINARY || base === PT_OBJECT;
    if (fixed === undefined && !variable) throw new TnefError(`unknown MAPI property type 0x${type.toString(16)} at byte ${at}`);
    let values = 1;
    if ((type & MULTI_VALUED) !== 0 || variable) {
      need(4);
      values = bytes.readUInt32LE(at);
      at += 4;
    }
    for (let value = 0; value < values; value++) {
      let data: Buffer;
      if (fixed !== undefined) {
        need(fixed);
        data = bytes.subarray(at, at + fixed);
        at += fixed;
      } else {
        need(4);
        const length = bytes.readUInt32LE(at);
        at += 4;
        need(length);
        data = bytes.subarray(at, at + length);
        at += length + pad(length);
        // An embedded object starts with its interface id.
        if (base === PT_OBJECT) data = data.subarray(16);
      }
      if (value === 0 && !props.has(id)) props.set(id, { type: base, data });
    }
  }
  return props;
}

function stringProperty(props: Map<number, MapiValue>, id: number, decoder: TextDecoder): string | null {
  const value = props.get(id);
  if (value === undefined) return null;
  if (value.type === PT_UNICODE) return cString(Buffer.from(utf16.decode(value.data), "utf8"), new TextDecoder());
  if (value.type === PT_STRING8) return cString(value.data, decoder);
  return null;
}

interface FileInProgress {
  title: string | null;
  data: Buffer | null;
  longName: string | null;
  contentType: string | null;
}

/** Reads a TNEF stream's files and text body. Throws TnefError when the bytes are not TNEF or end early. */
export function readTnef(bytes: Buffer): Tnef {
  if (!isTnef(bytes)) throw new TnefError("not a TNEF stream (no signature)");
  let at = 6;
  let codepage: number | null = null;
  let text: string | null = null;
  let messageProps: Map<number, MapiValue> | null = null;
  const files: FileInProgress[] = [];
  while (at < bytes.length) {
    if (at + 9 > bytes.length) throw new TnefError(`attribute header cut at byte ${at}`);
    const level = bytes.readUInt8(at);
    const id = bytes.readUInt32LE(at + 1) & 0xffff;
    const length = bytes.readUInt32LE(at + 5);
    const start = at + 9;
    if (start + length + 2 > bytes.length) throw new TnefError(`attribute 0x${id.toString(16)} runs past the end (byte ${at})`);
    const data = bytes.subarray(start, start + length);
    at = start + length + 2; // the checksum follows; a wrong one is forgiven, as Outlook does
    if (level === LEVEL_MESSAGE) {
      if (id === ATT_OEM_CODEPAGE && length >= 4) codepage = data.readUInt32LE(0);
      else if (id === ATT_BODY) text = cString(data, decoderOf(codepage));
      else if (id === ATT_MSG_PROPS) messageProps = readProperties(data);
      else if (id === ATT_ATTACH_REND_DATA) files.push({ title: null, data: null, longName: null, contentType: null });
    } else if (level === LEVEL_ATTACHMENT) {
      if (id === ATT_ATTACH_REND_DATA) {
        files.push({ title: null, data: null, longName: null, contentType: null });
        continue;
      }
      const file = files.at(-1);
      if (file === undefined) continue;
      if (id === ATT_ATTACH_TITLE) file.title = cString(data, decoderOf(codepage));
      else if (id === ATT_ATTACH_DATA) file.data = data;
      else if (id === ATT_ATTACHMENT) {
        const props = readProperties(data);
        const decoder = decoderOf(codepage);
        file.longName =
          stringProperty(props, PR_ATTACH_LONG_FILENAME, decoder) ??
          stringProperty(props, PR_DISPLAY_NAME, decoder) ??
          stringProperty(props, PR_ATTACH_FILENAME, decoder);
        file.contentType = stringProperty(props, PR_ATTACH_MIME_TAG, decoder);
        const embedded = props.get(PR_ATTACH_DATA_OBJ);
        if (file.data === null && embedded !== undefined && embedded.type === PT_BINARY) file.data = embedded.data;
      }
    } else {
      throw new TnefError(`unknown attribute level ${level} at byte ${at}`);
    }
  }
  if (text === null && messageProps !== null) text = stringProperty(messageProps, PR_BODY, decoderOf(codepage));
  return {
    text: text === "" ? null : text,
    files: files
      .filter((file) => file.data !== null)
      .map((file, index) => ({
        filename: file.longName || file.title || `attachment-${index + 1}`,
        contentType: file.contentType,
        content: Buffer.from(file.data as Buffer),
      })),
  };
}
