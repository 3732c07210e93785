/**
 * Native shared libraries as Android apps bundle them (`lib/arm64-v8a/libBugly.so`): the file name
 * that identifies an SDK, and whether that name is too generic to be sure of its maker.
 */
import type { Parsed } from './check-digits.js';

/** A path or file name ending in `.so`, optionally with a version suffix (`.so.1`, `.so.1.2.3`). */
const LIBRARY_PATH = /^(?:.*[/\\])?([^/\\\s]+\.so)(?:\.\d+)*$/i;

/** The bare file name, without directory or version suffix: `lib/x86/libfoo.so.1` → `libfoo.so`. */
export function parseLibraryFileName(value: string): Parsed {
  const m = LIBRARY_PATH.exec(value.trim());
  if (!m || m[1] === '.so') return { ok: false, error: `"${value}" is not a shared-library file name (name.so, name.so.1)` };
  return { ok: true, value: m[1] as string };
}

/** Words that say what a library does, not who made it ("libsecuritydevice", "libmp3decoder", "libhttpdns"). */
const GENERIC_WORDS = new Set([
  'android', 'api', 'app', 'audio', 'available', 'base', 'beacon', 'bridge', 'buffer', 'cache', 'codec', 'common',
  'connection', 'core', 'crash', 'crypt', 'crypto', 'data', 'debug', 'decoder', 'device', 'dns', 'dump', 'dumper',
  'effect', 'encoder', 'encrypt', 'engine', 'env', 'ext', 'face', 'file', 'filter', 'flexbox', 'full', 'guard', 'helper',
  'high', 'hook', 'http', 'image', 'indoor', 'jni', 'layout', 'license', 'light', 'link', 'lite', 'loader', 'location',
  'lock', 'log', 'logger', 'main', 'map', 'media', 'monitor', 'native', 'ndk', 'net', 'network', 'ocr', 'online',
  'patch', 'patcher', 'play', 'player', 'plus', 'protect', 'push', 'release', 'render', 'renderer', 'runtime', 'safe',
  'scan', 'scanner', 'sdk', 'secure', 'security', 'share', 'shared', 'socket', 'speech', 'standard', 'stat', 'static',
  'stats', 'tool', 'tools', 'util', 'utility', 'utils', 'video', 'voice', 'wrapper',
]);

/** Architecture suffixes some SDKs add per ABI (`libjiagu_x86`, `libnesec-x86`, `libjiagu_a64`). */
const ABI_SUFFIX = /[-_.]?(?:x86(?:_64)?|x64|a64|arm(?:64)?(?:-v8a|eabi(?:-v7a)?)?)$/;

/** Whether `word` is made up of generic words only ("securitydevice" = security + device). */
function genericCompound(word: string): boolean {
  const fits: boolean[] = [true];
  for (let end = 1; end <= word.length; end++) {
    fits[end] = false;
    for (let start = 0; start < end && !fits[end]; start++) fits[end] = Boolean(fits[start]) && GENERIC_WORDS.has(word.slice(start, end));
  }
  return fits[word.length] === true;
}

/**
 * A name that another maker's library could well carry: four letters or fewer once `lib`, `.so`
 * and an ABI suffix are taken off (`libhs.so`, `libpag.so`), or only generic words (`libutility.so`,
 * `libcrashsdk.so`). Tokens of one or two letters do not count either way (`libbd_license.so`).
 */
export function isGenericLibraryName(fileName: string): boolean {
  const stem = fileName.toLowerCase().replace(/^lib/, '').replace(/\.so$/, '').replace(ABI_SUFFIX, '');
  const letters = stem.replace(/[^a-z]/g, '');
  if (letters.length <= 4) return true;
  const words = stem.split(/[^a-z]+/).filter((word) => word.length > 2);
  return words.length === 0 || words.every(genericCompound);
}
