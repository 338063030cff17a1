/**
 * Loaded with `node --import` into a child the build starts (Astro): the child ends itself
 * (SIGKILL: it holds nothing to clean; the next build removes its folder) within moments of
 * the build's death. See child-process.ts.
 */
import { dieWithParent } from './child-process.ts';

dieWithParent(process.env, 'SIGKILL');
