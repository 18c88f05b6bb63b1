'use strict';
// Pixels of one request's image as packed RGB: raw rgb24 frames (written by ffmpeg) are read as they are, references
// (JPEG or PNG files) are decoded in pure JS. A transparent PNG is laid on white, as a product shot would be.
const fs = require('fs');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

function decodeImage(image) {
  if (!image || typeof image.path !== 'string') throw new Error('image.path is missing');
  if (image.format === 'rgb24') {
    const { width, height } = image;
    if (!(width > 0 && height > 0)) throw new Error('rgb24 needs width and height');
    const length = width * height * 3;
    const rgb = new Uint8Array(length);
    const fd = fs.openSync(image.path, 'r');
    try {
      const read = fs.readSync(fd, rgb, 0, length, image.offset || 0);
      if (read !== length) throw new Error(`short frame: ${read} of ${length} bytes`);
    } finally {
      fs.closeSync(fd);
    }
    return { rgb, width, height };
  }
  const bytes = fs.readFileSync(image.path);
  if (bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47) {
    const png = PNG.sync.read(bytes);
    const rgb = new Uint8Array(png.width * png.height * 3);
    for (let i = 0, j = 0; i < png.data.length; i += 4, j += 3) {
      const a = png.data[i + 3] / 255;
      rgb[j] = png.data[i] * a + 255 * (1 - a);
      rgb[j + 1] = png.data[i + 1] * a + 255 * (1 - a);
      rgb[j + 2] = png.data[i + 2] * a + 255 * (1 - a);
    }
    return { rgb, width: png.width, height: png.height };
  }
  if (bytes.length > 2 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
    return { rgb: decoded.data, width: decoded.width, height: decoded.height };
  }
  throw new Error(`${image.path} is neither JPEG nor PNG`);
}

module.exports = { decodeImage };
