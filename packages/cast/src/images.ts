import { crc32 } from 'node:zlib';

// Files the use cases upload, for photos and for ads' pictures: what the photos pipeline
// keeps, and each kind of file it refuses.

/** A real 1×1 PNG: the smallest image the whole pipeline (sniff, decode, re-encode) accepts. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The same PNG with a header claiming 30000×30000 pixels: a decompression bomb in 70 bytes. */
export const PIXEL_BOMB = (() => {
  const bytes = Buffer.from(PNG);
  // IHDR's data starts at 16: width, height; its CRC covers type and data (12 to 29).
  bytes.writeUInt32BE(30_000, 16);
  bytes.writeUInt32BE(30_000, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
})();

/** A web page, whatever its file is named. */
export const WEB_PAGE = Buffer.from('<!doctype html><title>not a photo</title><script>alert(1)</script>');

/** The start of an iPhone photo: an HEIC file's header, which the installed image library cannot decode. */
export const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(32)]);

/**
 * An 8×4 JPEG as a phone stores a picture taken upright: sideways, with EXIF saying
 * "turn right" (so 4×8 once upright), the camera's make (`PhoneMaker`) and a GPS position.
 */
export const PHONE_JPEG = Buffer.from(
  '/9j/4QEsRXhpZgAASUkqAAgAAAAJAA8BAgALAAAAlAAAABABAgAJAAAAigAAABIBAwABAAAABgAAABoBBQABAAAAegAAABsBBQABAAAAggAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAoAAAACWIBAABAAAA7gAAAAAAAAA4YwAA6AMAADhjAADoAwAAUGhvbmUgMTIAAFBob25lTWFrZXIAAAYAAJAHAAQAAAAwMjEwAZEHAAQAAAABAgMAAKAHAAQAAAAwMTAwAaADAAEAAAD//wAAAqAEAAEAAAAIAAAAA6AEAAEAAAAEAAAAAAAAAAIAAQACAAIAAABOAAAAAgAFAAMAAAAMAQAAAAAAADsAAAABAAAAEwAAAAEAAAD0EQAAZAAAAP/iAfBJQ0NfUFJPRklMRQABAQAAAeBsY21zBCAAAG1udHJSR0IgWFlaIAfiAAMAFAAJAA4AHWFjc3BNU0ZUAAAAAHNhd3NjdHJsAAAAAAAAAAAAAAAAAAD21gABAAAAANMtaGFuZHnpv1ZaPgG2gyOFVUb3T6oAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACmRlc2MAAAD8AAAAJGNwcnQAAAEgAAAAInd0cHQAAAFEAAAAFGNoYWQAAAFYAAAALHJYWVoAAAGEAAAAFGdYWVoAAAGYAAAAFGJYWVoAAAGsAAAAFHJUUkMAAAHAAAAAIGdUUkMAAAHAAAAAIGJUUkMAAAHAAAAAIG1sdWMAAAAAAAAAAQAAAAxlblVTAAAACAAAABwAcwBSAEcAQm1sdWMAAAAAAAAAAQAAAAxlblVTAAAABgAAABwAQwBDADAAAFhZWiAAAAAAAAD21gABAAAAANMtc2YzMgAAAAAAAQw/AAAF3f//8yYAAAeQAAD9kv//+6H///2iAAAD3AAAwHFYWVogAAAAAAAAb6AAADjyAAADj1hZWiAAAAAAAABilgAAt4kAABjaWFlaIAAAAAAAACSgAAAPhQAAtsRwYXJhAAAAAAADAAAAAmZpAADypwAADVkAABPQAAAKW//bAEMAEAsMDgwKEA4NDhIREBMYKBoYFhYYMSMlHSg6Mz08OTM4N0BIXE5ARFdFNzhQbVFXX2JnaGc+TXF5cGR4XGVnY//bAEMBERISGBUYLxoaL2NCOEJjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY//AABEIAAQACAMBIgACEQEDEQH/xAAVAAEBAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAVAQEBAAAAAAAAAAAAAAAAAAAEBf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJgALD//2Q==',
  'base64',
);
