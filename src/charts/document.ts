/**
 * The DOM Plot renders into at build time: linkedom, not a browser. One document is enough
 * for every chart of a build (Plot never attaches its output to it).
 */
import { parseHTML } from 'linkedom';

export function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

let shared: Document | undefined;

/** The build's shared document, created on first use. */
export function chartDocument(): Document {
  shared ??= createDocument();
  return shared;
}
