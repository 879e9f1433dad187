import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { AppError } from '../../shared/api/result';
import type { ForceLogo, Settings } from '../../shared/domain/paper';
import { imageInfo } from '../paper/image-size';
import type { Store } from '../store/repository';

/** A logo is a small picture; anything bigger is a photograph or the wrong file. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const MIN_SIDE = 16;
const MAX_SIDE = 5000;
/** How tall an SVG logo is drawn: the paper prints it 48 pt high, so this is sharp at 600 dpi. */
const SVG_HEIGHT = 400;

type Kind = 'png' | 'jpg' | 'svg';

/** What the bytes really are, whatever the file is called. */
function sniff(bytes: Uint8Array): Kind | 'other' {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  // An SVG may open with an XML declaration, comments and a doctype before its root element.
  const withoutProlog = head.replace(/^(\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*/i, '');
  return /^<svg[\s>]/i.test(withoutProlog) ? 'svg' : 'other';
}

const NAMES: Record<Kind, string> = { png: 'PNG', jpg: 'JPEG', svg: 'SVG' };

/**
 * Draws an SVG as a PNG with resvg, which runs no script, fetches nothing (external images are left undrawn)
 * and reads no file: only the picture reaches Word or the window, never the SVG's markup.
 */
function rasterise(svg: Uint8Array): { png: Uint8Array; width: number; height: number } {
  let rendered;
  try {
    const resvg = new Resvg(Buffer.from(svg), { fitTo: { mode: 'height', value: SVG_HEIGHT }, font: { loadSystemFonts: true }, logLevel: 'off' });
    rendered = resvg.render();
  } catch (error) {
    throw new AppError('unreadable', `The SVG could not be read as a picture (${(error as Error).message.split('\n')[0]}); nothing was changed.`);
  }
  if (rendered.width < MIN_SIDE || rendered.width > MAX_SIDE * 2) {
    throw new AppError('invalid-input', `The SVG is drawn ${rendered.width} pixels wide at ${SVG_HEIGHT} high; a logo should be nearer its height. Nothing was changed.`);
  }
  return { png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
}

/**
 * Checks a logo the officer chose and makes what is stored: a PNG or JPEG as it is (after its type, size and
 * dimensions are checked from its own bytes), an SVG as a PNG drawn from it. Bad input changes nothing.
 */
export function prepareLogo(fileName: string, bytes: Uint8Array): { bytes: Uint8Array; logo: Omit<ForceLogo, 'sha256'> } {
  const name = basename(fileName);
  if (bytes.byteLength === 0) throw new AppError('invalid-input', `${name} is empty; nothing was changed.`);
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    throw new AppError('too-large', `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; a logo must be under 2 MB. Nothing was changed.`);
  }
  const kind = sniff(bytes);
  if (kind === 'other') throw new AppError('unsupported-format', `${name} is not a PNG, JPEG or SVG image; nothing was changed.`);
  if (kind === 'svg') {
    const drawn = rasterise(bytes);
    return { bytes: drawn.png, logo: { type: 'png', width: drawn.width, height: drawn.height, fileName: name, from: 'svg' } };
  }
  let info;
  try {
    info = imageInfo(bytes);
  } catch {
    throw new AppError('unreadable', `${name} looks like a ${NAMES[kind]} image but its header cannot be read; nothing was changed.`);
  }
  if (info.width < MIN_SIDE || info.height < MIN_SIDE || info.width > MAX_SIDE || info.height > MAX_SIDE) {
    throw new AppError('invalid-input', `${name} is ${info.width} × ${info.height} pixels; a logo must be between ${MIN_SIDE} and ${MAX_SIDE} pixels each way. Nothing was changed.`);
  }
  return { bytes, logo: { type: kind, width: info.width, height: info.height, fileName: name, from: kind } };
}

/** Stores the force's logo in the data folder (sources/<sha256>) and records it in the settings. */
export async function setForceLogo(store: Store, fileName: string, bytes: Uint8Array): Promise<Settings> {
  const prepared = prepareLogo(fileName, bytes);
  const sha256 = createHash('sha256').update(prepared.bytes).digest('hex');
  await store.putSourceFile({ sha256, text: '', pages: [] }, prepared.bytes);
  const previous = store.index.settings.logo?.sha256;
  const settings = await store.updateIndex((index) => {
    index.settings = { ...index.settings, logo: { sha256, ...prepared.logo }, includeLogo: true };
    return index.settings;
  });
  if (previous && previous !== sha256) store.forgetFile(previous);
  return settings;
}

/** Back to the placeholder shield. */
export async function clearForceLogo(store: Store): Promise<Settings> {
  const previous = store.index.settings.logo?.sha256;
  const settings = await store.updateIndex((index) => {
    index.settings = { ...index.settings, logo: null };
    return index.settings;
  });
  if (previous) store.forgetFile(previous);
  return settings;
}

/** The logo's bytes and type for the paper's header: the force's own if chosen, else null. */
export async function forceLogo(store: Store): Promise<{ logo: ForceLogo; bytes: Uint8Array } | null> {
  const logo = store.index.settings.logo;
  if (!logo) return null;
  const bytes = await store.readSource(logo.sha256).catch(() => {
    throw new AppError('not-found', `The force logo (${logo.fileName}) is missing from the data folder; choose it again in Settings, or turn off “Include the force logo”.`);
  });
  return { logo, bytes: new Uint8Array(bytes) };
}
