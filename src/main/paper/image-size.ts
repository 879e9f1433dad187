import { AppError } from '../../shared/api/result';

export type ImageInfo = { type: 'png' | 'jpg' | 'gif'; width: number; height: number };

/** The logo's format and pixel size, read from its header, so it can be placed without distortion. */
export function imageInfo(data: Uint8Array): ImageInfo {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = (i: number): number => data[i] ?? -1;
  if (data.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (at(0) === 0xff && at(1) === 0xd8) {
    // Walk the JPEG segments to the start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < data.length && at(i) === 0xff) {
      const marker = at(i + 1);
      const length = view.getUint16(i + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { type: 'jpg', width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      i += 2 + length;
    }
  }
  throw new AppError('unsupported-format', 'The logo must be a PNG, JPEG or GIF image.');
}
